import { useEffect, useRef } from 'react';

/**
 * A line over months, drawn by uPlot. The module is imported on first use, so uPlot (≈ 20 KB gzipped) is
 * not in the first route's bundle; the page shows the same values as a table, so nothing depends on the canvas.
 */
export default function HqLineChart({ labels, values, series, format }: { labels: string[]; values: (number | null)[]; series: string; format: (v: number | null) => string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: { destroy(): void } | undefined;
    let cancelled = false;
    // The stylesheet travels with the module; a DOM without a stylesheet loader (a test) keeps the table only.
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      const el = host.current;
      // No canvas (a test's DOM) or gone already: the table beside the chart carries the values.
      if (cancelled || !el || !document.createElement('canvas').getContext?.('2d')) return;
      // Nothing measured in any month: no line to draw (the table says so with its dashes).
      if (values.every((v) => v === null)) return;
      plot = new UPlot(
        {
          width: Math.max(320, el.clientWidth || 640),
          height: 220,
          scales: { x: { time: false } },
          axes: [{ values: (_u: unknown, ticks: number[]) => ticks.map((i) => labels[i] ?? '') }, { values: (_u: unknown, ticks: number[]) => ticks.map((v) => format(v)) }],
          series: [{ value: (_u: unknown, i: number) => labels[i] ?? '' }, { label: series, stroke: '#1095c1', width: 2, spanGaps: false, value: (_u: unknown, v: number | null) => format(v) }],
        },
        [labels.map((_, i) => i), values],
        el,
      );
    }).catch((e: unknown) => console.warn('the trend chart was not drawn; the table shows the values', e));
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [labels, values, series, format]);
  return <div ref={host} data-testid="trend-chart" />;
}
