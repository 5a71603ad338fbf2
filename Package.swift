// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "zhtj",
    products: [
        .executable(name: "zhtjd", targets: ["zhtjd"]),
        .executable(name: "zhtj", targets: ["zhtj"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        // The browser console (issue 17): HTTP and server-rendered templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries, each wrapped once.
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(
            name: "CMagic", pkgConfig: "libmagic",
            providers: [.apt(["libmagic-dev"])]),
        // cairo draws the label sheets and the tests' PDFs (it comes with poppler-glib).
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        // Tesseract OCR (C API) and zbar (QR codes, barcodes): page 1 of image-only scans, in the parser child.
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim", "tesseract-ocr-eng"])]),
        .systemLibrary(
            name: "CZbar", pkgConfig: "zbar",
            providers: [.apt(["libzbar-dev"])]),
        // libqrencode: the QR codes on printed labels and cover sheets.
        .systemLibrary(
            name: "CQrencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),

        // libpq: the PostgreSQL registry (issue 15), wrapped once in ZHTJStorage's PGConnection.
        .systemLibrary(
            name: "CLibpq", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),

        // System calls Swift's Glibc module does not expose (renameat2).
        .target(name: "CZHTJShims"),

        // The pure domain: no I/O.
        .target(name: "ZHTJCore"),

        // The storage seam: what the daemon needs from a database, one protocol per aggregate (no SQL here).
        .target(name: "ZHTJRegistry", dependencies: ["ZHTJCore"]),

        // The registry on SQLite through GRDB, or on PostgreSQL through libpq: the only target that imports GRDB or
        // libpq, or writes SQL.
        .target(
            name: "ZHTJStorage",
            dependencies: [
                "ZHTJCore", "ZHTJRegistry", "CLibpq",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // Paths as bytes (inbox names may be any bytes) and how they are shown.
        .target(name: "ZHTJFiles", dependencies: ["CZHTJShims"]),

        // The storage root's files: its layout, the instance lock, backups and restores (issue 14). No parser here:
        // the CLI links it for `zhtj admin restore`.
        .target(
            name: "ZHTJBackup",
            dependencies: [
                "ZHTJCore", "ZHTJRegistry", "ZHTJStorage", "ZHTJFiles", "CZHTJShims",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // libmagic and poppler wrappers (the ingest pipeline builds on them).
        .target(
            name: "ZHTJIngest",
            dependencies: [
                "ZHTJCore", "ZHTJFiles", "CPoppler", "CMagic", "CTesseract", "CZbar", "CZHTJShims",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // Label sheets and cover sheets with QR codes (`zhtj labels`), drawn with cairo.
        .target(name: "ZHTJLabels", dependencies: ["ZHTJCore", "CCairo", "CQrencode"]),

        // The review console in the browser (issue 17): pages, assets and sessions over HTTP. It runs commands
        // through a `ConsoleBackend` (the daemon's router), so it knows no storage and no handler.
        .target(
            name: "ZHTJConsole",
            dependencies: [
                "ZHTJCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The daemon's services and build(config:).
        .target(
            name: "ZHTJDaemon",
            dependencies: [
                "ZHTJCore", "ZHTJRegistry", "ZHTJStorage", "ZHTJBackup", "ZHTJFiles", "ZHTJIngest", "ZHTJLabels", "ZHTJConsole", "CZHTJShims",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The CLI's logic: socket client, credentials, rendering.
        .target(name: "ZHTJClient", dependencies: ["ZHTJCore"]),

        .executableTarget(
            name: "zhtjd",
            dependencies: [
                "ZHTJDaemon", "ZHTJIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "zhtj",
            dependencies: [
                "ZHTJClient", "ZHTJCore", "ZHTJBackup", "ZHTJStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // PDF builders (text, scanned, Chinese, hostile) and temporary folders for the tests.
        .target(name: "ZHTJTestSupport", dependencies: ["CCairo"], path: "Tests/ZHTJTestSupport"),

        // The ingest benchmark's corpus generator (Benchmarks/ingest.sh).
        .executableTarget(name: "zhtj-corpus", dependencies: ["ZHTJTestSupport", "ZHTJLabels"], path: "Benchmarks/zhtj-corpus"),
        // The registry benchmark (Benchmarks/registry.sh): a province-sized database, and a load client for the socket.
        .executableTarget(
            name: "zhtj-province",
            dependencies: [
                "ZHTJStorage", "ZHTJRegistry", "ZHTJCore", "ZHTJDaemon", "ZHTJBackup", "ZHTJClient",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/zhtj-province"),
        .executableTarget(name: "zhtj-load", dependencies: ["ZHTJClient", "ZHTJCore", "ZHTJTestSupport"], path: "Benchmarks/zhtj-load"),

        .testTarget(name: "ZHTJCoreTests", dependencies: ["ZHTJCore"]),
        .testTarget(name: "ZHTJConsoleTests", dependencies: ["ZHTJConsole", "ZHTJCore", .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(
            name: "ZHTJStorageTests",
            dependencies: ["ZHTJStorage", "ZHTJRegistry", "ZHTJCore", "ZHTJTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ZHTJIngestTests", dependencies: ["ZHTJIngest", "ZHTJFiles", "ZHTJCore", "ZHTJTestSupport"]),
        // The daemon in process: the router and handlers over a database in a temporary folder, no process spawned.
        .testTarget(
            name: "ZHTJDaemonTests",
            dependencies: [
                "ZHTJDaemon", "ZHTJBackup", "ZHTJRegistry", "ZHTJStorage", "ZHTJCore", "ZHTJTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]),
        .testTarget(
            name: "ZHTJEndToEndTests",
            dependencies: ["ZHTJClient", "ZHTJCore", "ZHTJLabels", "ZHTJTestSupport", "zhtjd", "zhtj"]),
    ]
)
