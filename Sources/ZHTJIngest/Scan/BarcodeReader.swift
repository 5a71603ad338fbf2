import CZbar
import ZHTJCore

/// zbar, wrapped once: the QR codes and Code 128 barcodes on a page (printed labels and cover sheets). One scanner
/// handle per reader; not thread-safe. Runs only in the parser child, on images made from untrusted files.
public final class BarcodeReader {
    private let scanner: OpaquePointer

    public init?() {
        guard let scanner = zbar_image_scanner_create() else { return nil }
        self.scanner = scanner
        // Only the symbologies labels use: QR codes and Code 128 (fewer false finds in a page of text and stamps).
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(scanner, ZBAR_CODE128, ZBAR_CFG_ENABLE, 1)
    }

    deinit { zbar_image_scanner_destroy(scanner) }

    /// Every QR code and Code 128 barcode in `image`, in the order zbar reports them.
    public func symbols(in image: GrayImage) -> [ScanReading.Code] {
        guard image.width > 0, image.height > 0, let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        let y800: UInt = 0x3030_3859  // fourcc "Y800": 8-bit grey
        zbar_image_set_format(zimage, y800)
        zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))
        return image.pixels.withUnsafeBufferPointer { buffer -> [ScanReading.Code] in
            // zbar reads the buffer during zbar_scan_image only; no cleanup handler (Swift owns it).
            zbar_image_set_data(zimage, buffer.baseAddress, UInt(buffer.count), nil)
            guard zbar_scan_image(scanner, zimage) > 0 else { return [] }
            var found: [ScanReading.Code] = []
            var symbol = zbar_image_first_symbol(zimage)
            while let s = symbol {
                let type = zbar_symbol_get_type(s)
                let length = Int(zbar_symbol_get_data_length(s))
                if let data = zbar_symbol_get_data(s) {
                    let bytes = UnsafeRawBufferPointer(start: data, count: length)
                    let text = String(decoding: bytes, as: UTF8.self)
                    found.append(ScanReading.Code(kind: type == ZBAR_QRCODE ? .qr : .barcode, text: text))
                }
                symbol = zbar_symbol_next(s)
            }
            return found
        }
    }
}
