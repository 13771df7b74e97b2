// The stopword package ships no types: its per-language lists are plain arrays of words.
declare module 'stopword' {
  export const deu: string[];
  export const eng: string[];
  export const fra: string[];
  export const ita: string[];
  export const por: string[];
  export const rus: string[];
  export const spa: string[];
  export const zho: string[];
}
