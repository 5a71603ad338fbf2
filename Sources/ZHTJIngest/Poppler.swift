import CPoppler

/// poppler-glib, wrapped once. The ingest issue adds the document reader (always opened with a nil password).
public enum Poppler {
    /// The linked poppler version, e.g. `22.12.0`.
    public static var version: String { String(cString: poppler_get_version()) }
}
