import Foundation

/// A file the CLI writes from a reply (a downloaded e-archive, labels, a member card): base64 decoded, and never
/// over an existing file.
public enum NewFile {
    /// Decodes `base64` and writes it to `path`, refusing to replace a file; returns the bytes written.
    @discardableResult
    public static func write(base64: String, to path: String) throws -> Data {
        guard let data = Data(base64Encoded: base64) else { throw ClientError.badReply("the file in the reply is not base64") }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw ClientError.cannotWrite(path: path, detail: "\((error as NSError).localizedDescription) (an existing file is never overwritten)")
        }
        return data
    }
}
