import exifReader from "exif-reader";
import sharp from "sharp";
import { fieldFinding, formatCoordinates, type MetadataFinding } from "./findings";
import { MAX_PIXELS } from "../images";

/** Headers only are read, but a declared size this large is not worth trusting. */

/**
 * What an image carries in its EXIF and XMP: where it was taken, the camera, the author.
 * `inWhat` says whether the image is the file itself or sits inside one (a PDF page, a cover).
 * An image that cannot be read carries nothing we can show, so it yields no finding.
 */
export async function imageFindings(input: Buffer | string, inWhat: "file" | "image"): Promise<MetadataFinding[]> {
  const meta = await sharp(input, { limitInputPixels: MAX_PIXELS })
    .metadata()
    .catch(() => null);
  if (!meta) return [];
  return [...(meta.exif ? exifFindings(meta.exif, inWhat) : []), ...(meta.xmp ? xmpFindings(meta.xmp, inWhat) : [])];
}

function exifFindings(exif: Buffer, inWhat: "file" | "image"): MetadataFinding[] {
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(exif);
  } catch {
    return [];
  }
  const findings: MetadataFinding[] = [];
  const gps = tags.GPSInfo;
  const latitude = degrees(gps?.GPSLatitude, gps?.GPSLatitudeRef);
  const longitude = degrees(gps?.GPSLongitude, gps?.GPSLongitudeRef);
  if (latitude !== null && longitude !== null) {
    findings.push({ type: "gps", value: formatCoordinates(latitude, longitude), in: inWhat });
  }
  const camera = [tags.Image?.Make, tags.Image?.Model].filter((v) => typeof v === "string" && v.trim()).join(" ");
  findings.push(...fieldFinding("camera", camera, inWhat));
  findings.push(...fieldFinding("author", tags.Image?.Artist, inWhat));
  return findings;
}

/** Degrees, minutes and seconds with their hemisphere → signed decimal degrees. */
function degrees(dms: unknown, ref: unknown): number | null {
  if (!Array.isArray(dms) || dms.length === 0 || !dms.every((n) => typeof n === "number" && Number.isFinite(n))) {
    return null;
  }
  const [d, m = 0, s = 0] = dms as number[];
  const value = d + m / 60 + s / 3600;
  return ref === "S" || ref === "W" ? -value : value;
}

/** XMP can hold the same position as EXIF (exif:GPSLatitude="13,7.4S"), as text. */
function xmpFindings(xmp: Buffer, inWhat: "file" | "image"): MetadataFinding[] {
  const text = xmp.toString("utf8");
  const value = (name: string) =>
    new RegExp(`${name}(?:="([^"]+)"|>([^<]+)<)`).exec(text)?.slice(1).find(Boolean)?.trim();
  const latitude = value("exif:GPSLatitude");
  const longitude = value("exif:GPSLongitude");
  if (latitude && longitude) return [{ type: "gps", value: `${latitude} ${longitude}`.slice(0, 200), in: inWhat }];
  return [];
}
