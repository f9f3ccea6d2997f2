import type { Random } from './random.js';
import { EMOJI, ENGLISH, LANGUAGES, LOG_LINES, TICKET_PREFIXES, URL_PATHS, type Language } from './vocabulary-chat.js';

/**
 * Chat text as people type it: mostly a short phrase, sometimes a few sentences with mentions,
 * ticket numbers, links and emoji, rarely a pasted log or a long story. Lengths follow that mix
 * (median ≈ 30 characters, mean ≈ 70, a tail to several thousand; docs/generator.md).
 */
export class TextComposer {
  constructor(
    /** First names people mention with @. */
    private readonly mentionable: readonly string[],
    private readonly intranet = 'intranet.contoso.com',
  ) {}

  message(random: Random, language: Language): string {
    const roll = random.next();
    if (roll < 0.6) return this.decorate(random, this.sentence(random, language, 0));
    if (roll < 0.85) return this.decorate(random, this.sentence(random, language, random.int(1, 5)));
    if (roll < 0.95) return this.paragraph(random, language, random.int(2, 3));
    if (roll < 0.985) return this.paragraph(random, language, random.int(4, 8));
    if (roll < 0.997) return this.pastedLog(random, language);
    return this.longText(random, language);
  }

  /** A story post ([STORY] title, then the body), as the legacy client stored them. */
  story(random: Random, language: Language): string {
    const title = capitalise(random.pick(language.phrases));
    return `[STORY]${title}\n${this.longText(random, language)}`;
  }

  private sentence(random: Random, language: Language, extraWords: number): string {
    // People switch language now and then (mixed teams).
    const lang = random.chance(0.03) ? random.pick(LANGUAGES) : language;
    let text = random.pick(lang.phrases);
    for (let i = 0; i < extraWords; i += 1) text += ` ${random.pick(lang.words)}`;
    const latin = lang.code === 'en' || lang.code === 'de' || lang.code === 'fr' || lang.code === 'es';
    if (latin) text = capitalise(text);
    if (extraWords > 0 || random.chance(0.3)) text += random.pick(latin ? ['.', '.', '!', '?', '…'] : ['', '.', '!', '?']);
    return text;
  }

  private decorate(random: Random, text: string): string {
    let result = text;
    if (random.chance(0.08)) result = `@${random.pick(this.mentionable)} ${result}`;
    if (random.chance(0.05)) result += ` ${random.pick(TICKET_PREFIXES)}-${random.int(100, 9999)}`;
    if (random.chance(0.03)) result += ` https://${this.intranet}/${random.pick(URL_PATHS)}`;
    if (random.chance(0.12)) result += ` ${random.pick(EMOJI)}`;
    return result;
  }

  private paragraph(random: Random, language: Language, sentences: number): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i += 1) parts.push(this.sentence(random, language, random.int(0, 5)));
    return this.decorate(random, parts.join(' '));
  }

  private pastedLog(random: Random, language: Language): string {
    const lines = [this.sentence(random, language, random.int(0, 4))];
    const count = random.int(3, 15);
    for (let i = 0; i < count; i += 1) lines.push(random.pick(LOG_LINES));
    return lines.join('\n');
  }

  private longText(random: Random, language: Language): string {
    const paragraphs: string[] = [];
    const count = random.int(3, 8);
    for (let i = 0; i < count; i += 1) paragraphs.push(this.paragraph(random, random.chance(0.8) ? language : ENGLISH, random.int(4, 9)));
    return paragraphs.join('\n\n');
  }
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
