import { describe, expect, it } from 'vitest';
import { inferredIdentity, senderWords } from '../../src/analysis/prospect-identity.js';
import { prepare, type SignalData } from '../../src/analysis/signal-data.js';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { makeLinter } from '../helpers.js';

const linter = await makeLinter();
const p = prepare(loadRuleData<SignalData>('signals'));
async function draftOf(text: string) {
  const [r] = await linter.lintText(text, 'pasted.txt');
  return r!.draft;
}

describe('who the prospect and the sender are when no profile says so', () => {
  it("takes the greeting's name, and the subject's organisation unless it is the greeting or somewhere else", async () => {
    expect(inferredIdentity(await draftOf('Subject: Idea for Beehive Plumbing\n\nHi Dana,\n\nQuick one.\n'), new Set(), p)).toEqual({
      words: ['dana'],
      values: ['dana', 'beehive plumbing'],
      organisation: 'beehive plumbing',
      senderSide: [],
    });
    expect(inferredIdentity(await draftOf('Subject: Quick question, Michelle\n\nHi Michelle,\n\nQuick one.\n'), new Set(), p).organisation).toBeUndefined();
    expect(inferredIdentity(await draftOf('Subject: Enroll with Tidelift\n\nHi,\n\nQuick one.\n'), new Set(), p).organisation).toBeUndefined();
  });

  it('reads a subject\'s name after "from" as the sender\'s side', async () => {
    expect(inferredIdentity(await draftOf('Subject: Big news from Solo Cup Co.\n\nHi Russell,\n\nQuick one.\n'), new Set(), p).senderSide).toEqual([
      'solo',
      'cup',
      'co',
    ]);
  });

  it('knows the sender by the capitalised words and the addresses of the signature', async () => {
    const body = 'Hi Guillermo,\n\nA quick note on Kafka costs: teams running large clusters tell us storage is most of the bill.\n\n';
    const words = senderWords(await draftOf(`${body}Best regards,\nXiaorui\ngithub.com/automq/automq\n`), p);
    expect([...words].sort()).toEqual(['automq', 'best', 'xiaorui']);
  });
});
