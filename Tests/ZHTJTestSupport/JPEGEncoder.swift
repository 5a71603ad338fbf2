import CCairo
import Foundation

/// Encodes a cairo RGB24 image as JPEG with the `cjpeg` tool (Debian package libjpeg-turbo-progs):
/// the pixels go out as a binary PGM (grey images) or PPM, and `cjpeg -quality Q` makes the JPEG.
enum JPEGEncoder {
    /// The cjpeg executable, if one is on the usual paths.
    static let tool: String? = ["/usr/bin/cjpeg", "/usr/local/bin/cjpeg", "/bin/cjpeg"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The JPEG bytes, or nil when cjpeg is missing or fails. One channel when `grey`.
    static func encode(_ surface: OpaquePointer, quality: Int, grey: Bool) -> [UInt8]? {
        guard let tool else { return nil }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let pixels = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)

        let channels = grey ? 1 : 3
        var file = Array("\(grey ? "P5" : "P6")\n\(width) \(height)\n255\n".utf8)
        let headerCount = file.count
        file += [UInt8](repeating: 0, count: width * height * channels)
        file.withUnsafeMutableBufferPointer { out in
            var o = headerCount
            for y in 0..<height {
                let row = y * stride
                for x in 0..<width {
                    let p = pixels[row + x]
                    if grey {
                        out[o] = UInt8(p & 0xFF)
                    } else {
                        out[o] = UInt8(p >> 16 & 0xFF); out[o + 1] = UInt8(p >> 8 & 0xFF); out[o + 2] = UInt8(p & 0xFF)
                    }
                    o += channels
                }
            }
        }

        let base = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-jpeg-\(UUID().uuidString)")
        let input = base.appendingPathExtension(grey ? "pgm" : "ppm"), output = base.appendingPathExtension("jpg")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        do {
            try Data(file).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-quality", String(min(max(quality, 1), 100)), "-outfile", output.path, input.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            let jpeg = try Data(contentsOf: output)
            return jpeg.isEmpty ? nil : [UInt8](jpeg)
        } catch {
            return nil
        }
    }
}
