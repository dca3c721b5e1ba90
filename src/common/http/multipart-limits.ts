/** What every multipart route bounds (multer's limits, passed on to busboy). */
export interface UploadLimits {
  fileSize: number;
  files: number;
  fields: number;
  fieldSize: number;
  parts: number;
  fieldNameSize: number;
  headerPairs: number;
}

/**
 * The limits of an upload route: one file of at most `fileSize` bytes, `fields` text fields of at
 * most `fieldSize` bytes each (none unless told), no other part, short field names and few part
 * headers. multer stops reading at the first limit passed: a file too large is 413, anything else
 * (too many fields, parts or files, a field too long, an unexpected file field) is 400, both in
 * the error shape.
 */
export function uploadLimits({ fileSize, fields = 0, fieldSize = 1_000 }: { fileSize: number; fields?: number; fieldSize?: number }): UploadLimits {
  return { fileSize, files: 1, fields, fieldSize, parts: fields + 1, fieldNameSize: 100, headerPairs: 20 };
}
