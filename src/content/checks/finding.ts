/** What a check found in one file; the caller knows which file it looked at. */
export interface Finding {
  /** Dotted field path, `frontmatter`, `body`, `slug`, `file` or `line <n>`. */
  field: string;
  message: string;
}

/** A finding that names its file, for checks that look at more than one file. */
export interface FileFinding extends Finding {
  /** Absolute path of the file (or folder) the finding is about. */
  file: string;
}
