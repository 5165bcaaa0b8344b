import Testing
@testable import KehuCore

/// Company names are full of place names and business words whose first
/// character is a polyphone; the sort key must read them as people say them,
/// or 重庆 (chóngqìng) sorts with zh… and 长沙 (chángshā) with zh….
@Suite struct PinyinWordsTests {
    @Test(arguments: [
        ("重庆市瑞丰软件", "chongqingshiruifengruanjian"), ("长沙市", "changshashi"), ("厦门海纳物流", "xiamenhainawuliu"),
        ("中国银行", "zhongguoyinhang"), ("成都博雅", "chengduboya"), ("长城机械", "changchengjixie"),
        ("重量", "zhongliang"), ("长大", "zhangda"),
    ])
    func wordsReadAsSpoken(_ text: String, _ expected: String) {
        #expect(Pinyin.full(text) == expected)
    }

    @Test func searchKeysStillOfferEveryReading() {
        #expect(Pinyin.keys("重庆").full.contains("chongqing"))
        #expect(Pinyin.keys("重庆").full.contains("zhongqing"))
    }
}
