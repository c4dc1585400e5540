import { Box, Text } from 'ink';
import { memo } from 'react';
import { Table } from 'ink-table';
import { SEVERITIES } from '../../domain/incident.ts';
import { DAY } from '../../domain/instant.ts';
import type { KpiWindow } from '../../domain/kpi.ts';
import { figureLines } from '../../domain/kpi-text.ts';
import { cell, sanitize, truncate } from '../../domain/text.ts';
import { useTheme } from '../context/theme-context.tsx';
import { useKpis } from '../hooks/use-kpis.ts';
import { bar, sparkline } from '../model/sparkline.ts';

/**
 * The seed's KPIs beside their targets, a 30-day trend, open incidents by region × severity, and
 * what recurs. Memoised: it follows the minute and the incidents, not the parent's every tick.
 */
export const KpiPanel = memo(function KpiPanel({ window, width, height }: { window: KpiWindow; width: number; height: number }) {
  const theme = useTheme();
  const { report, minute, trend, heatmap, pareto } = useKpis(window);
  const now = minute * 60_000 + 59_999;
  const heat = [...heatmap]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([region, row]) => ({ region: truncate(sanitize(region), 10), ...row }));
  const maxPareto = Math.max(1, ...pareto.map((p) => p.count));
  const tableRows = heat.length ? heat.length + 4 : 1;
  const showTable = height >= 8 + 4 + tableRows + pareto.length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent}>
        {cell(` KPIs · last ${window}   ([ ] window)`, width)}
      </Text>
      {figureLines(report).map(([name, value, target, basis]) => {
        const failed = target.includes('FAIL');
        return (
          <Text key={name} color={failed ? theme.clock.breached : undefined}>
            {truncate(`${cell(name, 21)} `, width)}
            <Text bold>{cell(value, 9, 'right')}</Text>
            {truncate(`  ${cell(target, 17)} ${basis}`, Math.max(0, width - 31))}
          </Text>
        );
      })}
      <Text color={theme.muted}>{truncate(`detected/day ${sparkline(trend.detected)}  (30 d, ${new Date(now - 29 * DAY).toISOString().slice(5, 10)}→today)`, width)}</Text>
      <Text color={theme.muted}>{truncate(`MTTD/day     ${sparkline(trend.mttdSeconds)}`, width)}</Text>
      {showTable && heat.length ? (
        <Table data={heat} columns={['region', ...SEVERITIES]} padding={1} />
      ) : (
        <Text color={theme.muted}>
          {truncate(`open by region: ${heat.map((h) => `${h.region} ${SEVERITIES.map((s) => h[s]).join('/')}`).join('  ') || 'none'}`, width)}
        </Text>
      )}
      <Text bold>{truncate('recurring (assets, vectors)', width)}</Text>
      {pareto.length ? (
        pareto.map((p) => (
          <Text key={p.key}>{truncate(`${cell(sanitize(p.key), 24)} ${bar(p.count, maxPareto, Math.max(4, width - 32))} ${p.count}`, width)}</Text>
        ))
      ) : (
        <Text color={theme.muted}>none in the window</Text>
      )}
    </Box>
  );
});
