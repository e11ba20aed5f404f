import type { ExportTable } from './export-document';

const PALETTE = ['#1f5f99', '#e07b39', '#3a9d6b', '#b5446e', '#7a6bb8', '#c9a227', '#4a9fb5', '#8c8c8c'];

/**
 * A table's chart as SVG, drawn by ECharts on the server (no browser: its SSR renderer writes the
 * SVG text). The first column gives the categories; every number column is a series (a pie takes
 * the first). Text is set in Helvetica so the PDF draws it with the font it already carries.
 */
export async function chartSvg(table: ExportTable, width: number, height: number): Promise<string | null> {
  if (!table.chart) return null;
  const seriesColumns = table.columns.flatMap((column, index) =>
    index > 0 && column.format && column.format !== 'text' && column.format !== 'date' ? [{ index, column }] : [],
  );
  const [first] = seriesColumns;
  if (!first || table.rows.length === 0) return null;
  const categories = table.rows.map((row) => String(row[0] ?? ''));
  const valueOf = (row: ExportTable['rows'][number], index: number) => (typeof row[index] === 'number' ? (row[index] as number) : 0);
  const percentAxis = seriesColumns.every(({ column }) => column.format === 'percent');
  const textStyle = { fontFamily: 'Helvetica', fontSize: 11, color: '#333' };

  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    if (table.chart.kind === 'pie') {
      chart.setOption({
        animation: false,
        color: PALETTE,
        textStyle,
        legend: { orient: 'vertical', left: 0, top: 'middle', textStyle },
        series: [
          {
            type: 'pie',
            radius: ['35%', '70%'],
            center: ['65%', '50%'],
            label: { formatter: '{d} %', ...textStyle },
            data: table.rows.map((row, i) => ({ name: categories[i], value: valueOf(row, first.index) })),
          },
        ],
      });
    } else {
      chart.setOption({
        animation: false,
        color: PALETTE,
        textStyle,
        grid: { left: 48, right: 16, top: seriesColumns.length > 1 ? 36 : 16, bottom: 56 },
        legend: seriesColumns.length > 1 ? { top: 0, textStyle } : undefined,
        xAxis: { type: 'category', data: categories, axisLabel: { ...textStyle, interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: {
          type: 'value',
          axisLabel: { ...textStyle, formatter: (value: number) => (percentAxis ? `${Math.round(value * 100)} %` : value.toLocaleString('fr-FR')) },
        },
        series: seriesColumns.map(({ index, column }) => ({
          name: column.label,
          type: table.chart!.kind,
          data: table.rows.map((row) => valueOf(row, index)),
        })),
      });
    }
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
