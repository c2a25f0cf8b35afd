/** One file part of a multipart body (`name` is the field, `file` unless a test says otherwise). */
export interface FilePart {
  name?: string;
  filename: string;
  type: string;
  data: Buffer;
}

/**
 * A multipart/form-data body as a browser sends it: text fields, then any
 * number of files, then fields `after` the files (for tests only).
 */
export function multipartBody(
  fields: Record<string, string>,
  files: FilePart[] = [],
  after: Record<string, string> = {},
) {
  const boundary = `----warta${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const addFields = (values: Record<string, string>) => {
    for (const [k, v] of Object.entries(values)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      );
    }
  };
  addFields(fields);
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  addFields(after);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
