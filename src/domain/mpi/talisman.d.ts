// talisman ships no type declarations; these cover the two entry points the MPI module uses.
declare module 'talisman/phonetics/double-metaphone' {
  /** Double Metaphone (Philips 2000): [primary, secondary] phonetic keys. */
  export default function doubleMetaphone(word: string): [string, string];
}
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity in [0, 1]. */
  export default function jaroWinkler(a: string, b: string): number;
}
