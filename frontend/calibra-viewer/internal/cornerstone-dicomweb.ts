// DICOMweb (WADO-RS) image ids for the stack. Each series' metadata is fetched once
// (one request per series, DICOM JSON) and registered with the dicom-image-loader's
// wadors metadata manager before any frame is requested, so the first frame's request
// is the only thing between opening a case and its first image.

import { wadors } from '@cornerstonejs/dicom-image-loader';
import type { ImageRef } from './model.js';
import { toImageId } from './image-ids.js';

type Instance = Record<string, { Value?: unknown[] } | undefined>;

const SOP_INSTANCE_UID = '00080018';

/**
 * Image ids in stack order: `wadors:` where the image has a WADO-RS link and its series metadata
 * arrived, `wadouri:` (the Part 10 file) otherwise — so one broken metadata request costs speed, not images.
 */
export async function stackImageIds(images: ImageRef[], baseUri: string): Promise<string[]> {
  const urls = [...new Set(images.filter((im) => im.wadoRs && im.metadata).map((im) => im.metadata as string))];
  const bySop = new Map<string, Instance>();
  await Promise.all(urls.map(async (url) => {
    try {
      const response = await fetch(new URL(url, baseUri).href, {
        headers: { Accept: 'application/dicom+json' }, credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const list = await response.json() as Instance[];
      for (const instance of list) {
        const sop = instance[SOP_INSTANCE_UID]?.Value?.[0];
        if (typeof sop === 'string') bySop.set(sop, instance);
      }
    } catch (e) {
      console.warn('[calibra-viewer] DICOMweb metadata unavailable, using the files instead:', url, e);
    }
  }));
  return images.map((im) => {
    const sop = im.wadoRs ? sopOf(im.wadoRs) : null;
    const metadata = sop ? bySop.get(sop) : undefined;
    if (!im.wadoRs || !metadata) return toImageId(im.url, im.frame, baseUri);
    const id = `wadors:${new URL(im.wadoRs, baseUri).href}`;
    // the loader keeps a multi-frame instance's metadata under its frame 1 and derives the others
    wadors.metaDataManager.add(id.replace(/\/frames\/\d+$/, '/frames/1'), metadata as never);
    return id;
  });
}

/** The SOP Instance UID in a WADO-RS frame URL (…/instances/{uid}/frames/{n}). */
function sopOf(frameUrl: string): string | null {
  const m = /\/instances\/([0-9.]+)\/frames\/\d+$/.exec(frameUrl);
  return m ? m[1] : null;
}

/** Whether an image id goes over DICOMweb (for the performance marks and tests). */
export function isWadors(imageId: string): boolean {
  return imageId.startsWith('wadors:');
}
