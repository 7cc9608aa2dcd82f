/**
 * A Word 97 .doc or a WPS file is a binary container this tool cannot take apart; a linked
 * picture in it names its file in two places (the field code and the picture's own record).
 * LibreOffice, with the locked-down profile, does not open a linked local file and sends HTTP
 * and FTP only to a proxy that does not exist — but it still looks up the file's existence,
 * and on Windows looking up \\server\share\x.png is a connection to that server (which also
 * hands it the clerk's login hash). So every network path in the file is made local here, in
 * place and byte for byte the same length: `\\server\` becomes `__server\`, `file://server/`
 * becomes `____://server/`, smb:, dav: and the like lose their scheme the same way. The name
 * then points at nothing inside the temporary folder. Text in the document that happens to
 * spell such a path is changed the same way, which is rare and visible.
 */

// UNC paths (\\server\share), file URLs that name a host, and URL schemes that reach a server
// through the file system or a provider of their own rather than through the proxy.
const NETWORK =
  /\\\\[A-Za-z0-9._$-]{2,}\\|\\\\[?.]\\|file:[/\\]{2}(?![/\\])|\b(?:smb|cifs|nfs|dav|davs|webdav|vnd\.sun\.star\.webdav|vnd\.sun\.star\.webdavs|sftp|ssh):/gi;

function neutralise(match: string): string {
  if (match.startsWith('\\\\')) return `__${match.slice(2)}`;
  const colon = match.indexOf(':');
  return '_'.repeat(colon) + match.slice(colon);
}

/** The bytes with every network path made local, in 8-bit and in UTF-16 text alike; and how many. */
export function localiseNetworkPaths(input: Uint8Array): { bytes: Buffer; count: number } {
  const bytes = Buffer.from(input);
  let count = 0;
  // 8-bit text (and the picture records' names).
  const narrow = bytes.toString('latin1');
  for (const m of narrow.matchAll(NETWORK)) {
    bytes.write(neutralise(m[0]), m.index, 'latin1');
    count++;
  }
  // UTF-16 text, at either alignment.
  for (const offset of [0, 1]) {
    const wide = bytes.subarray(offset, offset + ((bytes.length - offset) & ~1)).toString('utf16le');
    for (const m of wide.matchAll(NETWORK)) {
      bytes.write(neutralise(m[0]), offset + m.index * 2, 'utf16le');
      count++;
    }
  }
  return { bytes, count };
}
