import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { sanitize, truncate } from '../../domain/text.ts';
import { useKeys } from '../context/key-context.tsx';
import { useTheme } from '../context/theme-context.tsx';

const MODAL_PRIORITY = 200;

/**
 * A one-line text prompt that owns the keyboard while it is open: printable keys type, Backspace
 * deletes, Enter submits, Esc cancels. `onTab` (optional) lets the caller cycle an option.
 */
export function usePromptInput(onSubmit: (text: string) => void, onCancel: () => void, onTab?: () => void) {
  const [text, setText] = useState('');
  useKeys(MODAL_PRIORITY, {}, (input, key) => {
    if (key.escape) onCancel();
    else if (key.return) onSubmit(text);
    else if (key.tab && onTab) onTab();
    else if (key.backspace || key.delete) setText((t) => t.slice(0, -1));
    else if (input && !key.ctrl && !key.meta) setText((t) => (t + input).slice(0, 2_000));
    return true;
  });
  return text;
}

/** The box every prompt and picker is drawn in: a border and a label. */
function ModalFrame({ label, width, children }: { label: string; width: number; children: ReactNode }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} borderStyle="single" paddingX={1}>
      <Text bold color={theme.accent}>
        {truncate(label, width - 4)}
      </Text>
      {children}
    </Box>
  );
}

export function PromptView({ label, text, hint, width }: { label: string; text: string; hint?: string; width: number }) {
  const theme = useTheme();
  return (
    <ModalFrame label={label} width={width}>
      <Text>{truncate(`> ${sanitize(text)}▏`, width - 4)}</Text>
      {hint ? <Text color={theme.muted}>{truncate(hint, width - 4)}</Text> : null}
    </ModalFrame>
  );
}

export function Prompt(props: {
  label: string;
  hint?: string;
  width: number;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  onTab?: () => void;
}) {
  const text = usePromptInput(props.onSubmit, props.onCancel, props.onTab);
  return <PromptView label={props.label} text={text} width={props.width} {...(props.hint ? { hint: props.hint } : {})} />;
}

/** A list to pick one from: ↑/↓ (or k/j) move, Enter picks, Esc cancels. */
export function usePicker(count: number, onPick: (index: number) => void, onCancel: () => void) {
  const [index, setIndex] = useState(0);
  useKeys(MODAL_PRIORITY, {}, (input, key) => {
    if (key.escape) onCancel();
    else if (key.return) onPick(index);
    else if (key.upArrow || input === 'k') setIndex((i) => Math.max(0, i - 1));
    else if (key.downArrow || input === 'j') setIndex((i) => Math.min(count - 1, i + 1));
    return true;
  });
  return index;
}

export function PickerView({ label, options, index, width }: { label: string; options: string[]; index: number; width: number }) {
  return (
    <ModalFrame label={label} width={width}>
      {options.map((o, i) => (
        <Text key={i} inverse={i === index}>
          {truncate(`${i === index ? '›' : ' '} ${sanitize(o)}`, width - 4)}
        </Text>
      ))}
    </ModalFrame>
  );
}

export function Picker(props: { label: string; options: string[]; width: number; onPick: (index: number) => void; onCancel: () => void }) {
  const index = usePicker(props.options.length, props.onPick, props.onCancel);
  return <PickerView label={props.label} options={props.options} index={index} width={props.width} />;
}
