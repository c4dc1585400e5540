import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../model/layout.ts';

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
      <Text bold wrap="truncate">{`terminal too small (needs ${MIN_COLUMNS}×${MIN_ROWS})`}</Text>
      <Text wrap="truncate">{`this one is ${columns}×${rows}`}</Text>
    </Box>
  );
}
