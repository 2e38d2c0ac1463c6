// talisman ships no type declarations; this covers the stemmer the encoder search uses.
declare module 'talisman/stemmers/porter' {
  /** Porter (1980) English stemmer. */
  export default function porter(word: string): string;
}
