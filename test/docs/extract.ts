// Extracts the shell blocks of a Markdown file marked `<!-- test: linux -->` on the line before their opening fence.
export interface MarkedBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  script: string;
}

/** Every fenced block right after a `<!-- test: linux -->` line, in file order. */
export function extractLinuxBlocks(file: string, text: string): MarkedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: MarkedBlock[] = [];
  for (let index = 0; index < lines.length - 1; index++) {
    if (lines[index]?.trim() !== '<!-- test: linux -->') continue;
    const fence = lines[index + 1]?.match(/^(```+)\s*(sh|bash|shell)?\s*$/);
    if (!fence) throw new Error(`${file}:${index + 1}: <!-- test: linux --> must be followed by a sh fenced block`);
    const end = lines.findIndex((line, at) => at > index + 1 && line.startsWith(fence[1] ?? '```'));
    blocks.push({ file, line: index + 2, script: lines.slice(index + 2, end).join('\n') });
  }
  return blocks;
}
