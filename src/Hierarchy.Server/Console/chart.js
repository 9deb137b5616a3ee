// A small SVG chart of one series over months: bars for counts, a line for rates. No library: the numbers are few.
import { html } from './vendor/htm-preact-standalone.js';

export function Chart({ title, points, format, line = false, test }) {
  const width = 360;
  const height = 160;
  const pad = 28;
  const top = Math.max(...points.map((p) => p.value), line ? 1 : 1e-9);
  const step = (width - 2 * pad) / Math.max(points.length, 1);
  const y = (v) => height - pad - (v / top) * (height - 2 * pad);
  const x = (i) => pad + step * i + step / 2;
  return html`
    <figure class="chart" data-test=${test}>
      <figcaption>${title}</figcaption>
      <svg viewBox=${`0 0 ${width} ${height}`} role="img" aria-label=${title}>
        <line x1=${pad} y1=${height - pad} x2=${width - pad} y2=${height - pad} class="axis" />
        ${line
          ? html`<polyline class="series" points=${points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
                 ${points.map((p, i) => html`<circle class="dot" cx=${x(i)} cy=${y(p.value)} r="3"><title>${p.label}：${format(p.value)}</title></circle>`)}`
          : points.map((p, i) => html`<rect class="bar" x=${x(i) - step * 0.3} y=${y(p.value)} width=${step * 0.6}
              height=${height - pad - y(p.value)}><title>${p.label}：${format(p.value)}</title></rect>`)}
        ${points.map((p, i) => html`
          <text x=${x(i)} y=${height - 8} class="tick">${p.label}</text>
          <text x=${x(i)} y=${y(p.value) - 6} class="value">${format(p.value)}</text>`)}
      </svg>
    </figure>`;
}
