import { LitElement, css, html, svg, nothing } from 'lit';

/** One curve: points in data units, drawn as a polyline (step = staircase, as empirical ROC/FROC curves are). */
interface Series {
  name: string;
  points: [number, number][];
  color?: string;
  dashed?: boolean;
  /** points only (e.g. other residents' operating points), no line */
  scatter?: boolean;
}

/** One horizontal bar: a proportion with its 95% interval, 0..1. */
interface Bar {
  label: string;
  value: number;
  lower?: number;
  upper?: number;
  /** e.g. "n = 4", shown after the value */
  note?: string;
}

const W = 320, H = 260, L = 44, R = 12, T = 12, B = 40;

/**
 * A small, dependency-free SVG chart for observer-performance curves (ROC, FROC, AFROC). Java sets
 * `series` (JSON), axis labels and the x range; the chart draws axes, ticks, the curves, an optional
 * chance diagonal and a legend. Charts are real SVG so they scale, print and can be read by screen readers.
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
  };

  series = '[]';
  xLabel = '';
  yLabel = '';
  xMax = 1;
  diagonal = false;
  caption = '';
  /** JSON `[Bar]`; when set, the element draws a bar chart instead of curves */
  bars = '';

  static override styles = css`
    :host { display: inline-block; font: 12px system-ui, sans-serif; color: var(--lumo-body-text-color, #222); }
    svg { width: 100%; max-width: 420px; height: auto; }
    .axis { stroke: #777; stroke-width: 1; }
    .grid { stroke: #ddd; stroke-width: 1; }
    text { fill: currentColor; }
    figcaption { max-width: 420px; color: var(--lumo-secondary-text-color, #666); }
  `;

  private parsedBars(): Bar[] {
    try {
      const v: unknown = JSON.parse(this.bars || '[]');
      return Array.isArray(v) ? (v as Bar[]) : [];
    } catch {
      return [];
    }
  }

  /** Proportions as bars from 0 to 100 %, each with a whisker for its interval and its value written out. */
  private renderBars(bars: Bar[]) {
    const row = 34, left = 190, right = 70, width = 520, top = 8;
    const h = top + bars.length * row + 24;
    const bx = (v: number) => left + Math.max(0, Math.min(1, v)) * (width - left - right);
    return html`<figure role="img" aria-label=${this.caption || 'bar chart'}>
      <svg viewBox="0 0 ${width} ${h}" style="max-width: ${width}px">
        ${[0, 0.25, 0.5, 0.75, 1].map(t => svg`<line class="grid" x1=${bx(t)} x2=${bx(t)} y1=${top} y2=${h - 20}/>
          <text x=${bx(t)} y=${h - 6} text-anchor="middle">${t * 100}%</text>`)}
        ${bars.map((b, i) => {
          const y = top + i * row;
          return svg`<g data-bar=${b.label}>
            <text x=${left - 8} y=${y + 17} text-anchor="end">${b.label}</text>
            <rect x=${bx(0)} y=${y + 6} width=${bx(b.value) - bx(0)} height="16" fill="#0072B2" opacity=".8"/>
            ${b.lower != null && b.upper != null ? svg`<line x1=${bx(b.lower)} x2=${bx(b.upper)} y1=${y + 14} y2=${y + 14}
              stroke="#000" stroke-width="1.5"/><line x1=${bx(b.lower)} x2=${bx(b.lower)} y1=${y + 9} y2=${y + 19} stroke="#000"/>
              <line x1=${bx(b.upper)} x2=${bx(b.upper)} y1=${y + 9} y2=${y + 19} stroke="#000"/>` : nothing}
            <text x=${width - right + 6} y=${y + 18}>${Math.round(b.value * 100)}%${b.note ? ` (${b.note})` : ''}</text>
          </g>`;
        })}
      </svg>
      ${this.caption ? html`<figcaption>${this.caption}</figcaption>` : nothing}
    </figure>`;
  }

  private parsed(): Series[] {
    try {
      const v: unknown = JSON.parse(this.series || '[]');
      return Array.isArray(v) ? (v as Series[]) : [];
    } catch {
      return [];
    }
  }

  private x(v: number) { return L + (v / (this.xMax || 1)) * (W - L - R); }
  private y(v: number) { return H - B - v * (H - T - B); }

  protected override render() {
    const bars = this.parsedBars();
    if (bars.length) return this.renderBars(bars);
    const series = this.parsed();
    const ticks = [0, 0.25, 0.5, 0.75, 1];
    const colors = ['#0072B2', '#E69F00', '#009E73', '#D55E00'];
    return html`<figure role="img" aria-label=${this.caption || `${this.yLabel} against ${this.xLabel}`}>
      <svg viewBox="0 0 ${W} ${H}">
        ${ticks.map(t => svg`<line class="grid" x1=${this.x(t * this.xMax)} x2=${this.x(t * this.xMax)} y1=${this.y(0)} y2=${this.y(1)}/>
          <line class="grid" x1=${this.x(0)} x2=${this.x(this.xMax)} y1=${this.y(t)} y2=${this.y(t)}/>
          <text x=${this.x(t * this.xMax)} y=${H - B + 14} text-anchor="middle">${+(t * this.xMax).toFixed(2)}</text>
          <text x=${L - 6} y=${this.y(t) + 4} text-anchor="end">${t}</text>`)}
        <line class="axis" x1=${this.x(0)} x2=${this.x(this.xMax)} y1=${this.y(0)} y2=${this.y(0)}/>
        <line class="axis" x1=${this.x(0)} x2=${this.x(0)} y1=${this.y(0)} y2=${this.y(1)}/>
        ${this.diagonal ? svg`<line stroke="#aaa" stroke-dasharray="4 4" x1=${this.x(0)} y1=${this.y(0)} x2=${this.x(1)} y2=${this.y(1)}/>` : nothing}
        ${series.map((s, i) => s.scatter
          ? svg`<g data-series=${s.name}>${s.points.map(([px, py]) => svg`<circle cx=${this.x(px)} cy=${this.y(py)} r="4"
              fill="none" stroke-width="1.5" stroke=${s.color ?? colors[i % colors.length]}/>`)}</g>`
          : svg`<polyline data-series=${s.name} fill="none" stroke-width="2.5"
            stroke=${s.color ?? colors[i % colors.length]} stroke-dasharray=${s.dashed ? '6 4' : 'none'}
            points=${s.points.map(([px, py]) => `${this.x(px)},${this.y(py)}`).join(' ')}/>
          ${s.points.map(([px, py]) => svg`<circle cx=${this.x(px)} cy=${this.y(py)} r="2.5" fill=${s.color ?? colors[i % colors.length]}/>`)}`)}
        <text x=${(L + W - R) / 2} y=${H - 6} text-anchor="middle">${this.xLabel}</text>
        <text transform="rotate(-90)" x=${-(T + H - B) / 2} y="12" text-anchor="middle">${this.yLabel}</text>
        ${series.map((s, i) => svg`<g transform="translate(${L + 10}, ${T + 8 + i * 16})">
          ${s.scatter ? svg`<circle cx="9" cy="0" r="4" fill="none" stroke-width="1.5" stroke=${s.color ?? colors[i % colors.length]}/>`
            : svg`<line x1="0" x2="18" y1="0" y2="0" stroke-width="2.5" stroke=${s.color ?? colors[i % colors.length]} stroke-dasharray=${s.dashed ? '6 4' : 'none'}/>`}
          <text x="24" y="4">${s.name}</text></g>`)}
      </svg>
      ${this.caption ? html`<figcaption>${this.caption}</figcaption>` : nothing}
    </figure>`;
  }
}

customElements.get('calibra-chart') ?? customElements.define('calibra-chart', CalibraChart);
