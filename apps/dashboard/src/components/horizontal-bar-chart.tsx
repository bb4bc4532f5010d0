// Bars for named categories (causes, domains, departments): one row per key, the label in full on
// the left, the bar, and the count written after it. Long names stay readable, unlike under a column.
export interface KeyedBar {
  label: string;
  value: number;
}

const ROW = 26;
const LABEL_WIDTH = 230;
const BAR_SPACE = 260;

/** The largest `limit` bars, longest first. */
export function topBars(bars: KeyedBar[], limit: number): KeyedBar[] {
  return [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)).slice(0, limit);
}

function shorten(label: string): string {
  return label.length > 34 ? `${label.slice(0, 33)}…` : label;
}

export function HorizontalBarChart({ bars, title }: { bars: KeyedBar[]; title: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const width = LABEL_WIDTH + BAR_SPACE + 60;
  const height = bars.length * ROW + 8;
  return (
    <figure class="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
        <title>{title}</title>
        {bars.map((bar, index) => {
          const y = 4 + index * ROW;
          const length = Math.max(bar.value ? 2 : 0, (bar.value / max) * BAR_SPACE);
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} text-anchor="end" class="label">
                {shorten(bar.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={length} height={ROW - 8} class="bar c0">
                <title>{`${bar.label}: ${bar.value}`}</title>
              </rect>
              <text x={LABEL_WIDTH + length + 6} y={y + ROW / 2 + 4} class="value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
