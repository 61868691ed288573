/** Terminal questions of `tovrun init` (readline), used only when stdin and stdout are terminals and not --yes. */
import { createInterface } from 'node:readline/promises';

/** Asks one question; an empty answer takes the default. */
export type Ask = (question: string, defaultAnswer: string) => Promise<string>;

/** An Ask on the process's terminal; close it when done. */
export function terminalAsk(): { ask: Ask; close: () => void } {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  return {
    ask: async (question, defaultAnswer) => {
      const answer = (await readline.question(`${question} [${defaultAnswer || 'none'}]: `)).trim();
      return answer === '' ? defaultAnswer : answer;
    },
    close: () => readline.close(),
  };
}

/** The folder answer: "none" or "-" means no such folder. */
export function folderAnswer(answer: string): string | null {
  return answer === '' || answer === 'none' || answer === '-' ? null : answer.replace(/[\\/]+$/, '');
}
