// The three MPR planes, their colours and the left-button tools of MPR: plain data shared by the
// Cornerstone session (cornerstone-mpr.ts), the toolbar and the MPR controller.

export type MprPlane = 'axial' | 'coronal' | 'sagittal';
export const MPR_PLANES: readonly MprPlane[] = ['axial', 'coronal', 'sagittal'];
/** Left-button tools in MPR: crosshair, window/level, pan, zoom (marking stays in the stack view). */
export type MprTool = 'crosshair' | 'wl' | 'pan' | 'zoom';

/** reference-line colours (Okabe–Ito): each view's line has the colour of the view's label */
export const MPR_COLOURS: Record<MprPlane, string> = { axial: '#56B4E9', coronal: '#E69F00', sagittal: '#CC79A7' };
