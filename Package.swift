// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kehu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kehu", targets: ["kehu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CKehuSys"),
        .target(name: "KehuCore"),
        .target(name: "KehuStore", dependencies: ["KehuCore", "CKehuSys", "TOMLKit", "ZIPFoundation"]),
        .target(name: "KehuTUI", dependencies: ["KehuCore", "KehuStore", "CNcursesw", "TOMLKit"]),
        .executableTarget(name: "kehu", dependencies: [
            "KehuCore", "KehuStore", "KehuTUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kehu-bench", dependencies: ["KehuCore", "KehuStore", "KehuTUI"]),
        .testTarget(name: "KehuCoreTests", dependencies: ["KehuCore"]),
        .testTarget(name: "KehuStoreTests", dependencies: ["KehuCore", "KehuStore"]),
        .testTarget(name: "KehuTUITests", dependencies: ["KehuCore", "KehuStore", "KehuTUI"]),
        .testTarget(name: "kehuTests", dependencies: ["KehuCore", "KehuStore"]),
    ]
)
