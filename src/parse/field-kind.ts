import type { PlaceholderClass } from '../kernel/types.js';

/** The field-classification half of rules/placeholders.yml. */
export interface FieldKindData {
  namespaces: { sender: string[]; organisation: string[]; other: string[] };
  profile: Record<string, string[]>;
  sender: string[];
  research: { names: string[]; keywords: string[]; words?: string[] };
  default_kind: 'profile' | 'sender' | 'research';
}

export interface FieldKind {
  name: string;
  kind: Extract<PlaceholderClass, 'profile' | 'sender' | 'research'>;
  known: boolean;
}

/** Compares names the way people write them differently: case, spaces, dots, dashes, underscores. */
export function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Canonical snake_case spelling of a field name: `FirstName` -> `first_name`. */
export function snakeCase(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Decides whether a merge field is prospect profile data, sender data or a research slot. */
export class FieldClassifier {
  private readonly profileAlias = new Map<string, string>();
  private readonly senderNames: Set<string>;
  private readonly researchNames: Set<string>;
  private readonly researchWords: Set<string>;
  private readonly senderNs: Set<string>;
  private readonly orgNs: Set<string>;
  private readonly otherNs: Set<string>;
  private readonly memo = new Map<string, FieldKind>();

  constructor(private readonly data: FieldKindData) {
    for (const [canonical, aliases] of Object.entries(data.profile)) {
      for (const alias of [canonical, ...aliases]) this.profileAlias.set(squash(alias), canonical);
    }
    this.senderNames = new Set(data.sender.map(squash));
    this.researchNames = new Set(data.research.names.map(squash));
    this.researchWords = new Set(data.research.words ?? []);
    this.senderNs = new Set(data.namespaces.sender.map(squash));
    this.orgNs = new Set(data.namespaces.organisation.map(squash));
    this.otherNs = new Set(data.namespaces.other.map(squash));
  }

  classify(rawName: string): FieldKind {
    const hit = this.memo.get(rawName);
    if (hit) return hit;
    const result = this.compute(rawName);
    this.memo.set(rawName, result);
    return result;
  }

  /** True when the name is a known profile, sender or research field (not the default). */
  isKnown(rawName: string): boolean {
    return this.classify(rawName).known;
  }

  private compute(rawName: string): FieldKind {
    const parts = rawName.trim().split('.').filter(Boolean);
    let sender = false;
    let organisation = false;
    while (parts.length > 1) {
      const ns = squash(parts[0]!);
      if (this.senderNs.has(ns)) sender = true;
      else if (this.orgNs.has(ns)) organisation = true;
      else if (!this.otherNs.has(ns)) break;
      parts.shift();
    }
    const field = parts.join('_');
    let key = squash(field);
    if (organisation && (key === 'name' || key === '')) key = 'company';
    const snake = snakeCase(field) || 'field';
    if (sender || this.senderNames.has(key)) {
      return { name: sender ? `sender_${snake}` : snake, kind: 'sender', known: true };
    }
    const words = snake.split('_');
    if (this.researchNames.has(key) || this.data.research.keywords.some((k) => key.includes(k)) || words.some((w) => this.researchWords.has(w))) {
      return { name: snake, kind: 'research', known: true };
    }
    const canonical = this.profileAlias.get(key);
    if (canonical) return { name: canonical, kind: 'profile', known: true };
    return { name: snake, kind: this.data.default_kind, known: false };
  }
}
