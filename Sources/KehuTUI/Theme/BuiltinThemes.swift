/// The shipped themes, compiled in so the binary needs no data files.
/// `themes/*.toml` in the repository are written from these by
/// `KEHU_WRITE_DOCS=1 swift test --filter GeneratedFilesTests`, and a test fails
/// when they differ.
public enum BuiltinThemes {
    public static let names = ["default", "light", "high-contrast", "monochrome"]
    public static let all: [String: String] = [
        "default": defaultDark, "light": light, "high-contrast": highContrast, "monochrome": monochrome,
    ]

    static let defaultDark = """
    # Kehu theme "default": dark background.
    # Each [role] has fg/bg (8-colour names or -1..7), fg256/bg256 (0-255, used on
    # 256-colour terminals), attrs, and mono: the attributes used without colour.
    [normal]
    fg = "default"
    bg = "default"
    [dim]
    fg = "white"
    fg256 = 245
    mono = []
    [header]
    fg = "cyan"
    fg256 = 117
    attrs = ["bold"]
    mono = ["bold", "underline"]
    [selected]
    fg = "black"
    bg = "cyan"
    bg256 = 38
    fg256 = 16
    mono = ["reverse"]
    [selectedDim]
    fg = "white"
    bg = "blue"
    bg256 = 239
    mono = ["underline"]
    [title]
    fg = "yellow"
    fg256 = 222
    attrs = ["bold"]
    mono = ["bold"]
    [tabActive]
    fg = "black"
    bg = "yellow"
    bg256 = 222
    fg256 = 16
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [tabInactive]
    fg = "white"
    bg = "blue"
    fg256 = 252
    bg256 = 24
    mono = ["reverse"]
    [status]
    fg = "white"
    bg = "blue"
    fg256 = 252
    bg256 = 236
    mono = ["reverse"]
    [statusKey]
    fg = "yellow"
    bg = "blue"
    fg256 = 222
    bg256 = 236
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [message]
    fg = "green"
    fg256 = 114
    [error]
    fg = "red"
    fg256 = 203
    attrs = ["bold"]
    mono = ["bold", "underline"]
    [warning]
    fg = "yellow"
    fg256 = 214
    mono = ["bold"]
    [success]
    fg = "green"
    fg256 = 114
    [accent]
    fg = "cyan"
    fg256 = 81
    [star]
    fg = "yellow"
    fg256 = 220
    [border]
    fg = "blue"
    fg256 = 240
    [input]
    fg = "white"
    fg256 = 255
    attrs = ["underline"]
    mono = ["underline"]
    [inputActive]
    fg = "black"
    bg = "white"
    fg256 = 16
    bg256 = 153
    mono = ["reverse"]
    [label]
    fg = "cyan"
    fg256 = 110
    [link]
    fg = "blue"
    fg256 = 75
    attrs = ["underline"]
    [overdue]
    fg = "red"
    fg256 = 203
    attrs = ["bold"]
    mono = ["bold"]
    [due]
    fg = "yellow"
    fg256 = 214
    attrs = ["bold"]
    mono = ["underline"]
    [sparkline]
    fg = "green"
    fg256 = 78
    [bar]
    fg = "cyan"
    fg256 = 74
    [highlight]
    fg = "black"
    bg = "yellow"
    fg256 = 16
    bg256 = 228
    mono = ["reverse"]

    """

    static let light = """
    # Kehu theme "light": light background.
    [normal]
    fg = "black"
    bg = "default"
    [dim]
    fg = "black"
    fg256 = 244
    [header]
    fg = "blue"
    fg256 = 25
    attrs = ["bold"]
    mono = ["bold", "underline"]
    [selected]
    fg = "white"
    bg = "blue"
    fg256 = 231
    bg256 = 25
    mono = ["reverse"]
    [selectedDim]
    fg = "black"
    bg = "white"
    bg256 = 252
    mono = ["underline"]
    [title]
    fg = "magenta"
    fg256 = 90
    attrs = ["bold"]
    mono = ["bold"]
    [tabActive]
    fg = "white"
    bg = "magenta"
    fg256 = 231
    bg256 = 90
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [tabInactive]
    fg = "black"
    bg = "white"
    bg256 = 254
    mono = ["reverse"]
    [status]
    fg = "black"
    bg = "white"
    bg256 = 254
    mono = ["reverse"]
    [statusKey]
    fg = "blue"
    bg = "white"
    fg256 = 25
    bg256 = 254
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [message]
    fg = "green"
    fg256 = 28
    [error]
    fg = "red"
    fg256 = 160
    attrs = ["bold"]
    mono = ["bold", "underline"]
    [warning]
    fg = "yellow"
    fg256 = 130
    mono = ["bold"]
    [success]
    fg = "green"
    fg256 = 28
    [accent]
    fg = "blue"
    fg256 = 31
    [star]
    fg = "yellow"
    fg256 = 172
    [border]
    fg = "black"
    fg256 = 250
    [input]
    fg = "black"
    attrs = ["underline"]
    mono = ["underline"]
    [inputActive]
    fg = "black"
    bg = "cyan"
    bg256 = 153
    mono = ["reverse"]
    [label]
    fg = "blue"
    fg256 = 24
    [link]
    fg = "blue"
    attrs = ["underline"]
    [overdue]
    fg = "red"
    fg256 = 160
    attrs = ["bold"]
    mono = ["bold"]
    [due]
    fg = "yellow"
    fg256 = 130
    attrs = ["bold"]
    mono = ["underline"]
    [sparkline]
    fg = "green"
    fg256 = 28
    [bar]
    fg = "blue"
    fg256 = 31
    [highlight]
    fg = "black"
    bg = "yellow"
    bg256 = 229
    mono = ["reverse"]

    """

    static let highContrast = """
    # Kehu theme "high-contrast": black and white with bold, pure colours only where they mean something.
    [normal]
    fg = "white"
    bg = "black"
    fg256 = 231
    bg256 = 16
    [dim]
    fg = "white"
    bg = "black"
    [header]
    fg = "white"
    bg = "black"
    attrs = ["bold", "underline"]
    mono = ["bold", "underline"]
    [selected]
    fg = "black"
    bg = "white"
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [selectedDim]
    fg = "white"
    bg = "black"
    attrs = ["underline"]
    mono = ["underline"]
    [title]
    fg = "white"
    bg = "black"
    attrs = ["bold"]
    mono = ["bold"]
    [tabActive]
    fg = "black"
    bg = "white"
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [tabInactive]
    fg = "white"
    bg = "black"
    attrs = ["underline"]
    mono = ["underline"]
    [status]
    fg = "black"
    bg = "white"
    mono = ["reverse"]
    [statusKey]
    fg = "black"
    bg = "white"
    attrs = ["bold"]
    mono = ["reverse", "bold"]
    [message]
    fg = "green"
    bg = "black"
    attrs = ["bold"]
    [error]
    fg = "red"
    bg = "black"
    attrs = ["bold", "underline"]
    mono = ["bold", "underline"]
    [warning]
    fg = "yellow"
    bg = "black"
    attrs = ["bold"]
    mono = ["bold"]
    [success]
    fg = "green"
    bg = "black"
    attrs = ["bold"]
    [accent]
    fg = "cyan"
    bg = "black"
    attrs = ["bold"]
    [star]
    fg = "yellow"
    bg = "black"
    attrs = ["bold"]
    [border]
    fg = "white"
    bg = "black"
    [input]
    fg = "white"
    bg = "black"
    attrs = ["underline"]
    mono = ["underline"]
    [inputActive]
    fg = "black"
    bg = "yellow"
    attrs = ["bold"]
    mono = ["reverse"]
    [label]
    fg = "white"
    bg = "black"
    attrs = ["bold"]
    [link]
    fg = "cyan"
    bg = "black"
    attrs = ["underline"]
    [overdue]
    fg = "red"
    bg = "black"
    attrs = ["bold", "reverse"]
    mono = ["bold", "reverse"]
    [due]
    fg = "yellow"
    bg = "black"
    attrs = ["bold"]
    mono = ["underline"]
    [sparkline]
    fg = "white"
    bg = "black"
    [bar]
    fg = "white"
    bg = "black"
    [highlight]
    fg = "black"
    bg = "yellow"
    mono = ["reverse"]

    """

    static let monochrome = """
    # Kehu theme "monochrome": no colour at all, attributes only (what NO_COLOR gets too).
    [normal]
    [dim]
    attrs = ["dim"]
    [header]
    attrs = ["bold", "underline"]
    mono = ["bold", "underline"]
    [selected]
    attrs = ["reverse"]
    mono = ["reverse"]
    [selectedDim]
    attrs = ["underline"]
    mono = ["underline"]
    [title]
    attrs = ["bold"]
    mono = ["bold"]
    [tabActive]
    attrs = ["reverse", "bold"]
    mono = ["reverse", "bold"]
    [tabInactive]
    attrs = ["reverse"]
    mono = ["reverse"]
    [status]
    attrs = ["reverse"]
    mono = ["reverse"]
    [statusKey]
    attrs = ["reverse", "bold"]
    mono = ["reverse", "bold"]
    [error]
    attrs = ["bold", "underline"]
    mono = ["bold", "underline"]
    [warning]
    attrs = ["bold"]
    mono = ["bold"]
    [input]
    attrs = ["underline"]
    mono = ["underline"]
    [inputActive]
    attrs = ["reverse"]
    mono = ["reverse"]
    [overdue]
    attrs = ["bold"]
    mono = ["bold"]
    [due]
    attrs = ["underline"]
    mono = ["underline"]
    [highlight]
    attrs = ["reverse"]
    mono = ["reverse"]

    """
}
