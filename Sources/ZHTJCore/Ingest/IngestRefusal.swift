/// Why a dropped file was refused (ingest checks 1 to 5), each with a message in Chinese and English that says
/// what to do. Refused files are moved to `refused/<org folder>/`, never deleted.
public enum IngestRefusal: Equatable, Sendable, CustomStringConvertible {
    case symlink
    case notRegular(String)
    case hardLink(Int)
    case empty
    case tooLarge(Int)
    case notPDF(String)
    case badHeader
    case unsafe(String)
    case encrypted
    case damaged(String)
    case noPages
    case numberMismatch([String], detail: String)
    case changeRequired

    /// A stable code for the protocol and the database.
    public var code: String {
        switch self {
        case .symlink: "symlink"
        case .notRegular: "not-regular"
        case .hardLink: "hard-link"
        case .empty: "empty"
        case .tooLarge: "too-large"
        case .notPDF: "not-pdf"
        case .badHeader: "bad-header"
        case .unsafe: "unsafe"
        case .encrypted: "encrypted"
        case .damaged: "damaged"
        case .noPages: "no-pages"
        case .numberMismatch: "number-mismatch"
        case .changeRequired: "change-required"
        }
    }

    public var description: String {
        switch self {
        case .symlink:
            "这是符号链接，未读取其指向的文件 / a symbolic link: refused without reading its target. Copy the PDF itself into the folder."
        case .notRegular(let kind):
            "不是普通文件（\(kind)）/ not a regular file (\(kind)): put the PDF file itself into the folder."
        case .hardLink(let n):
            "该文件有\(n)个硬链接 / the file has \(n) hard links: copy it into the folder instead of linking it."
        case .empty:
            "文件为空（0字节）/ the file is empty (0 bytes): scan the form again."
        case .tooLarge(let size):
            "文件超过 20MB 上限（\(size) 字节），请以较低分辨率重新扫描 / over the 20 MB limit (\(size) bytes): scan again at a lower resolution (R-E3)."
        case .notPDF(let mime):
            "不是PDF文件（检测为 \(mime)）/ not a PDF (it is \(mime)): scan the form to a PDF file."
        case .badHeader:
            "文件不以 %PDF- 开头 / the file does not begin with %PDF-: save or scan it again as a PDF."
        case .unsafe(let detail):
            "无法安全读取此PDF（\(detail)）/ the PDF cannot be read safely (\(detail)): scan or save it again."
        case .encrypted:
            "PDF设有打开密码 / the PDF is protected by a password: save it again without a password."
        case .damaged(let detail):
            "PDF已损坏（\(detail)）/ the PDF is damaged (\(detail)): scan the form again."
        case .noPages:
            "PDF中没有页面 / the PDF has no pages: scan every page of the form (R-E3)."
        case .numberMismatch(let numbers, let detail):
            "发展团员编号不一致：\(numbers.joined(separator: "、"))（\(detail)）/ number mismatch: \(numbers.joined(separator: ", ")) — check the form and the file name, then drop it again (R-M3)."
        case .changeRequired:
            "需先提交修改申请 / a change request must be approved first (R-E12)."
        }
    }
}
