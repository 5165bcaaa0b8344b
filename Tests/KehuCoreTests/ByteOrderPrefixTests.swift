import Testing
import KehuCore

/// `ByteOrder.prefix` lets a sort compare integers first; where two prefixes
/// differ they must order the keys exactly as `ByteOrder.less` does.
@Suite struct ByteOrderPrefixTests {
    @Test func differingPrefixesOrderAsTheKeys() {
        var rng = SystemRandomNumberGenerator()
        // Short alphabets make shared prefixes, keys that are prefixes of others, and zero bytes common.
        let alphabet: [UInt8] = [0, 1, 0x61, 0x62, 0xE4, 0xFF]
        var keys: [[UInt8]] = [[], [0], [0x61], [0x61, 0], [0x61, 0, 0x62]]
        for _ in 0..<400 {
            keys.append((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
        }
        for a in keys {
            for b in keys {
                let pa = ByteOrder.prefix(a), pb = ByteOrder.prefix(b)
                if pa != pb { #expect((pa < pb) == ByteOrder.less(a, b), "\(a) \(b)") }
                if ByteOrder.less(a, b) { #expect(pa <= pb, "\(a) \(b)") }
            }
        }
    }
}
