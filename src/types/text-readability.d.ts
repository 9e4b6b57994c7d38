// The part of text-readability this project uses (the package ships no types).
declare module 'text-readability' {
  const readability: {
    /** The Flesch-Kincaid grade level of a text (US school grade; add five for a reading age). */
    fleschKincaidGrade(text: string): number;
  };
  export default readability;
}
