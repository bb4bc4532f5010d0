// Plain SVG bars people read at a glance: one bar per label, the value written on it, and a
// text alternative (the table beside each chart carries the same figures).
export interface Bar {
  label: string;
  value: number;
  /** Stacked parts of the bar, each with its own colour class. */
  parts?: { key: string; value: number; title: string }[];
}

const COLOURS = ["c0", "c1", "c2", "c3", "c4", "c5"];

export function BarChart({ bars, title, legend }: { bars: Bar[]; title: string; legend?: string[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barWidth = 44;
  const gap = 16;
  const height = 180;
  const top = 22;
  const width = Math.max(200, bars.length * (barWidth + gap) + gap);
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${width} ${height + top + 24}`}
        width={width}
        height={height + top + 24}
      >
        <title>{title}</title>
        {bars.map((bar, index) => {
          const x = gap + index * (barWidth + gap);
          const full = (bar.value / max) * height;
          let y = top + height;
          const parts = bar.parts ?? [{ key: "all", value: bar.value, title: String(bar.value) }];
          return (
            <g key={bar.label}>
              {parts.map((part, partIndex) => {
                const h = bar.value ? (part.value / bar.value) * full : 0;
                y -= h;
                return (
                  <rect key={part.key} x={x} y={y} width={barWidth} height={h} class={`bar ${COLOURS[partIndex % 6]}`}>
                    <title>{`${bar.label}: ${part.title}`}</title>
                  </rect>
                );
              })}
              <text x={x + barWidth / 2} y={top + height - full - 6} text-anchor="middle" class="value">
                {bar.value}
              </text>
              <text x={x + barWidth / 2} y={top + height + 16} text-anchor="middle" class="label">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      {legend && (
        <figcaption class="legend">
          {legend.map((name, index) => (
            <span key={name}>
              <span class={`swatch ${COLOURS[index % 6]}`} aria-hidden="true" /> {name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
