import { PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";

// Real files that carry metadata, made in the test (no network, no binary fixtures to trust).

/** A photo taken at 13°56'24" S, 72°18' W (-13.94, -72.3) with an iPhone, as its EXIF says. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Apple", Model: "iPhone 12" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: "13/1 56/1 2400/100",
        GPSLongitudeRef: "W",
        GPSLongitude: "72/1 18/1 0/1",
      },
    })
    .toBuffer();
}

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Rosa Condori</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A one-page acta by "Rosa Condori" (information dictionary and XMP) showing `photo`. */
export async function pdfWithMetadata(photo: Buffer, { signed = false } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor("Rosa Condori");
  doc.setTitle("Acta de la visita");
  doc.setCreator("Escaner Municipal 3000");
  doc.setProducer("Escaner Municipal 3000");
  const page = doc.addPage([400, 300]);
  page.drawImage(await doc.embedJpg(photo), { x: 10, y: 10, width: 64, height: 48 });
  const context = doc.context;
  doc.catalog.set(PDFName.of("Metadata"), context.register(context.stream(XMP, { Type: "Metadata", Subtype: "XML" })));
  if (signed) {
    // A signature field as a signing tool writes it (the signature bytes need not be valid here).
    const signature = context.register(
      context.obj({
        Type: "Sig",
        Filter: "Adobe.PPKLite",
        ByteRange: [0, 10, 20, 30],
        Contents: PDFHexString.of("00"),
      }),
    );
    const field = context.register(context.obj({ FT: "Sig", T: PDFString.of("Firma"), V: signature }));
    doc.catalog.set(PDFName.of("AcroForm"), context.obj({ Fields: [field], SigFlags: 3 }));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** An MP3 with an ID3v2.3 tag (title, artist, comment) before a few silent MPEG frames. */
export function mp3WithTags(): Buffer {
  const frame = (id: string, content: Buffer) => {
    const header = Buffer.alloc(10);
    header.write(id, 0, "latin1");
    header.writeUInt32BE(content.length, 4);
    return Buffer.concat([header, content]);
  };
  const text = (value: string) => Buffer.concat([Buffer.from([0]), Buffer.from(value, "latin1")]);
  const frames = Buffer.concat([
    frame("TIT2", text("Asamblea en Chila")),
    frame("TPE1", text("Juana Huillca")),
    frame(
      "COMM",
      Buffer.concat([Buffer.from([0]), Buffer.from("spa\0", "latin1"), Buffer.from("Grabado en la plaza", "latin1")]),
    ),
  ]);
  const size = frames.length;
  // The tag's size is "synchsafe": 7 bits per byte.
  const syncsafe = [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f];
  const tag = Buffer.concat([Buffer.from("ID3", "latin1"), Buffer.from([3, 0, 0, ...syncsafe]), frames]);
  // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames.
  const mpegFrame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(413)]);
  return Buffer.concat([tag, ...Array.from({ length: 8 }, () => mpegFrame)]);
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8, 0);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, body]);
}

/** An M4A as an iPhone records it: a ©xyz location atom (-13.94, -72.3) and a title. */
export function m4aWithLocation(): Buffer {
  const location = Buffer.from("-13.9400-072.3000+3500.000/", "utf8");
  const xyz = Buffer.alloc(4);
  xyz.writeUInt16BE(location.length, 0);
  xyz.writeUInt16BE(0x15c7, 2);
  const title = box("©nam", box("data", Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from("Reunión en Fuerabamba")));
  const handler = box("hdlr", Buffer.alloc(8), Buffer.from("mdirappl", "latin1"), Buffer.alloc(9));
  const udta = box("udta", box("©xyz", xyz, location), box("meta", Buffer.alloc(4), handler, box("ilst", title)));
  const ftyp = box("ftyp", Buffer.from("M4A \0\0\0\0M4A mp42isom", "latin1"));
  return Buffer.concat([ftyp, box("moov", udta), box("mdat", Buffer.alloc(64))]);
}
