// natural is used only through these deep paths: its index costs ~470 ms and prints to stdout.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
declare module 'string-similarity' {
  export function compareTwoStrings(a: string, b: string): number;
  export function findBestMatch(
    main: string,
    targets: string[],
  ): { bestMatch: { target: string; rating: number }; bestMatchIndex: number; ratings: Array<{ target: string; rating: number }> };
}
