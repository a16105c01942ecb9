import * as Plot from '@observablehq/plot';
import { LitElement, css, html, nothing, svg, unsafeCSS } from 'lit';
import {
  CHANCE_GREY, INK, barRows, barSummary, curveMargins, curveModel, curveSummary, emsThatFit, labelOffsets, textWidth,
  parseBars, parseSeries, type BarRow, type CurveModel,
} from './chart-model';

const FONT_PX = 12;
const MIN_WIDTH = 240;
const MAX_WIDTH = 560;

/**
 * Observer-performance curves (ROC, FROC, wAFROC, operating points) or proportions as bars, drawn by Observable
 * Plot, which lays out axes and ticks; this element chooses margins wide enough for every label, re-draws when its
 * width changes and names the picture for screen readers (role="img" with a summary). Java puts the same numbers as
 * an HTML table in the element's light DOM; the slot shows it below the picture.
 */
export class CalibraChart extends LitElement {
  static override properties = {
    series: { type: String },
    xLabel: { type: String, attribute: 'x-label' },
    yLabel: { type: String, attribute: 'y-label' },
    xMax: { type: Number, attribute: 'x-max' },
    diagonal: { type: Boolean },
    caption: { type: String },
    bars: { type: String },
    width: { state: true },
  };

  series = '[]';
  xLabel = '';
  yLabel = '';
  xMax = 1;
  diagonal = false;
  caption = '';
  /** JSON `[Bar]`; when set, the element draws bars instead of curves */
  bars = '';
  private width = 0;
  private readonly resizes = new ResizeObserver((entries) => {
    const w = Math.round(entries[0]?.contentRect.width ?? 0);
    if (w > 0 && Math.abs(w - this.width) >= 8) this.width = w;
  });

  static override styles = css`
    :host { display: block; margin-bottom: 16px; max-width: ${MAX_WIDTH}px; font: ${FONT_PX}px system-ui, sans-serif; color: ${unsafeCSS(INK)}; }
    figure { margin: 0; }
    .picture > svg { display: block; overflow: visible; max-width: 100%; height: auto; }
    figcaption { color: var(--lumo-secondary-text-color, #4d4d4d); margin-top: 4px; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 4px; padding: 0; list-style: none; }
    .legend li { display: inline-flex; align-items: center; gap: 6px; }
  `;

  override connectedCallback() {
    super.connectedCallback();
    this.resizes.observe(this);
  }

  override disconnectedCallback() {
    this.resizes.disconnect();
    super.disconnectedCallback();
  }

  /** the width Plot draws at: the panel's, within readable bounds */
  private plotWidth(): number {
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, this.width || this.clientWidth || 360));
  }

  protected override render() {
    const bars = barRows(parseBars(this.bars));
    if (bars.length) {
      return this.figure(barSummary(this.caption, bars), nothing, this.barPlot(bars));
    }
    const model = curveModel(parseSeries(this.series), this.xMax);
    const legend = model.legend.length > 1 ? html`<ul class="legend">${model.legend.map((e) => html`<li>
        <svg width="22" height="12" aria-hidden="true">${e.scatter
          ? svg`<circle cx="11" cy="6" r="4" fill="none" stroke-width="1.5" stroke=${e.color}></circle>`
          : svg`<line x1="1" x2="21" y1="6" y2="6" stroke-width="2.5" stroke=${e.color} stroke-dasharray=${e.dashed ? '5 3' : 'none'}></line>`}
        </svg>${e.name}</li>`)}</ul>` : nothing;
    return this.figure(curveSummary(this.caption, this.xLabel, this.yLabel, model, this.diagonal), legend, this.curvePlot(model));
  }

  private figure(summary: string, legend: unknown, picture: Element) {
    return html`<figure>
      <div class="picture" role="img" aria-label=${summary}>${legend}${picture}</div>
      ${this.caption ? html`<figcaption aria-hidden="true">${this.caption}</figcaption>` : nothing}
    </figure><slot></slot>`;
  }

  private curvePlot(model: CurveModel): Element {
    const width = this.plotWidth();
    const margins = curveMargins(['0.0', '0.2', '1.0'], FONT_PX);
    const offsets = labelOffsets(margins, FONT_PX);
    // a square frame for unit ROC-type axes, as readers expect; wider for FROC (marks per case)
    const frame = width - margins.marginLeft - margins.marginRight;
    const height = Math.round(Math.min(frame, 360) + margins.marginTop + margins.marginBottom);
    const marks: Plot.Markish[] = [Plot.frame({ stroke: '#8a8a8a' })];
    if (this.diagonal) {
      marks.push(Plot.line([[0, 0], [Math.min(1, model.xDomain[1]), 1]], { stroke: CHANCE_GREY, strokeDasharray: '4 4', strokeWidth: 1.5, className: 'chance' }));
    }
    for (const { series, color, rows } of model.lines) {
      if (!series.scatter && rows.length > 1) {
        // the class tells a series' curve from the chance line, for tests and stylesheets
        marks.push(Plot.line(rows, { x: 'x', y: 'y', className: 'curve', stroke: color, strokeWidth: 2.5, strokeDasharray: series.dashed ? '6 4' : undefined }));
      }
      marks.push(series.scatter
        ? Plot.dot(rows, { x: 'x', y: 'y', r: 4, stroke: color, strokeWidth: 1.5 })
        : Plot.dot(rows, { x: 'x', y: 'y', r: rows.length === 1 ? 5 : 2.5, fill: color }));
    }
    return plainMarks(Plot.plot({
      width, height, ...margins,
      style: { fontSize: `${FONT_PX}px`, color: INK, background: 'transparent', overflow: 'visible' },
      x: { domain: model.xDomain, label: this.xLabel, labelAnchor: 'center', labelArrow: 'none', labelOffset: offsets.x, grid: true, ticks: 5 },
      y: { domain: [0, 1], label: this.yLabel, labelAnchor: 'center', labelArrow: 'none', labelOffset: offsets.y, grid: true, ticks: 5, tickFormat: '.1f' },
      marks,
    }));
  }

  /** Each bar under its own line of words (label, value, note), so long labels never squeeze the bars or clip. */
  private barPlot(rows: BarRow[]): Element {
    const width = this.plotWidth();
    const rowHeight = 44;
    const margins = { marginLeft: 20, marginRight: 20, marginTop: 4, marginBottom: 30 };
    const frame = width - margins.marginLeft - margins.marginRight;
    const withInterval = rows.filter((r) => r.lower != null);
    const plot = Plot.plot({
      width, height: rows.length * rowHeight + margins.marginTop + margins.marginBottom, ...margins,
      style: { fontSize: `${FONT_PX}px`, color: INK, background: 'transparent', overflow: 'visible' },
      x: { domain: [0, 1], grid: true, tickFormat: '.0%', ticks: 4, label: null },
      y: { domain: rows.map((r) => r.label), axis: null, paddingInner: 0, paddingOuter: 0 },
      marks: [
        Plot.barX(rows, { x: 'value', y: 'label', fill: '#0072B2', insetTop: 22, insetBottom: 6 }),
        Plot.ruleY(withInterval, { x1: 'lower', x2: 'upper', y: 'label', dy: 8, stroke: INK, strokeWidth: 1.5 }),
        Plot.tickX(withInterval, { x: 'lower', y: 'label', stroke: INK, insetTop: 26, insetBottom: 10 }),
        Plot.tickX(withInterval, { x: 'upper', y: 'label', stroke: INK, insetTop: 26, insetBottom: 10 }),
        // the label at the left (cut with an ellipsis if it must be: the table below has it whole), the value at the right
        ...rows.map((r) => Plot.text([r], { x: 0, y: 'label', text: 'label', textAnchor: 'start', dy: -12, fill: INK, fontSize: FONT_PX,
          lineWidth: emsThatFit(frame - textWidth(r.valueText, FONT_PX) - 16, FONT_PX), textOverflow: 'ellipsis' })),
        Plot.text(rows, { x: 1, y: 'label', text: 'valueText', textAnchor: 'end', dy: -12, fill: INK, fontSize: FONT_PX }),
      ],
    });
    // each bar names its row, so a test (or a stylesheet) can find it; Plot draws the rects in data order
    plot.querySelectorAll('g[aria-label="bar"] rect').forEach((rect, i) => rect.setAttribute('data-bar', rows[i]?.label ?? ''));
    return plainMarks(plot);
  }
}

/**
 * Plot names each of its groups with aria-label ("dot", "x-axis tick", …), which ARIA does not allow on a g or rect
 * without a role (axe: aria-prohibited-attr). The picture is one role="img" with its own summary, so the names move to
 * data-mark, where tests and stylesheets still find them.
 */
function plainMarks(plot: Element): Element {
  for (const e of [plot, ...plot.querySelectorAll('[aria-label]')]) {
    const name = e.getAttribute('aria-label');
    if (name == null) continue;
    e.setAttribute('data-mark', name);
    e.removeAttribute('aria-label');
  }
  for (const e of [plot, ...plot.querySelectorAll('[aria-description]')]) e.removeAttribute('aria-description');
  return plot;
}

customElements.get('calibra-chart') ?? customElements.define('calibra-chart', CalibraChart);
