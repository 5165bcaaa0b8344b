import Testing
@testable import KehuCore

@Suite struct PinyinSearchTests {
    @Test func readingsFromTheGeneratedTable() {
        #expect(Pinyin.full("张伟") == "zhangwei")
        #expect(Pinyin.full("广州市人易软件") == "guangzhoushirenyiruanjian")
        #expect(Pinyin.full("ABC科技 2号") == "abckeji2hao")
        #expect(Pinyin.reading("a") == nil)
    }

    @Test func surnamePolyphones() {
        #expect(Pinyin.full("单田芳", surname: true) == "shantianfang")
        #expect(Pinyin.full("曾国藩", surname: true).hasPrefix("zeng"))
        #expect(Pinyin.full("解缙", surname: true).hasPrefix("xie"))
        #expect(Pinyin.full("区志明", surname: true).hasPrefix("ou"))
        #expect(Pinyin.full("仇英", surname: true).hasPrefix("qiu"))
        #expect(Pinyin.full("朴树", surname: true).hasPrefix("piao"))
        #expect(Pinyin.full("查良镛", surname: true).hasPrefix("zha"))
        #expect(Pinyin.full("盖聂", surname: true).hasPrefix("ge"))
        #expect(Pinyin.full("乐嘉", surname: true).hasPrefix("yue"))
        for (ch, both) in [("单", ["dan", "shan"]), ("长", ["chang", "zhang"]), ("重", ["chong", "zhong"]), ("乐", ["le", "yue"])] {
            #expect(Set(Pinyin.readings(ch.unicodeScalars.first!)).isSuperset(of: both))
        }
    }

    @Test func keysIncludePolyphoneCombinations() {
        let k = Pinyin.keys("重庆长安")
        #expect(k.full.contains("chongqingchangan"))
        #expect(k.full.contains("zhongqingzhangan"))
        #expect(k.initials.contains("cqca"))
        #expect(Pinyin.keys("Acme").full.isEmpty)   // no Chinese, no pinyin keys
    }

    @Test func polyphoneTablesHaveNoDuplicateKeys() {
        // Dictionary literals trap on duplicate keys; touching them proves they load.
        #expect(Pinyin.polyphones.count > 20)
        #expect(Pinyin.surnames.count > 10)
    }

    func index(_ names: [String]) -> SearchIndex {
        SearchIndex(documents: names.enumerated().map { i, n in
            var c = Customer(id: "C\(i + 1)", name: n)
            c.phone = i == 0 ? "138-0013-8000" : nil
            c.tags = i == 1 ? ["VIP"] : []
            return CustomerSearchKeys.text(c, contacts: [])
        })
    }

    @Test func pinyinFullSpacedAndInitialsFindZhangWei() {
        let ix = index(["张伟", "李娜", "王伟强", "Acme 张"])
        #expect(ix.matches("zhangwei") == [0])
        #expect(ix.matches("zhang wei") == [0])
        #expect(ix.matches("zw") == [0])
        #expect(ix.matches("ZW") == [0])
        #expect(ix.matches("张伟") == [0])
        #expect(ix.matches("wei") == [0, 2])
        #expect(ix.matches("138 0013") == [0])
        #expect(ix.matches("138-0013-8000") == [0])
        #expect(ix.matches("vip") == [1])
        #expect(ix.matches("acme") == [3])
        #expect(ix.matches("ａｃｍｅ") == [3])            // full-width typing
        #expect(ix.matches("c2") == [1])
        #expect(ix.matches("") == [0, 1, 2, 3])
        #expect(ix.matches("nothing") == [])
    }

    @Test func contactNamesAndSurnameReadings() {
        var c = Customer(id: "C1", name: "某公司")
        c.email = "Sales@Example.COM"
        var p = Contact(id: "P1", customerId: "C1", name: "单田芳")
        p.mobile = "13912345678"
        let ix = SearchIndex(documents: [CustomerSearchKeys.text(c, contacts: [p]), CustomerSearchKeys.text(Customer(id: "C2", name: "x"), contacts: [])])
        #expect(ix.matches("shantianfang") == [0])
        #expect(ix.matches("dantianfang") == [0])
        #expect(ix.matches("stf") == [0])
        #expect(ix.matches("sales@example") == [0])
        #expect(ix.matches("1391234") == [0])
    }

    @Test func latinWordRunsMatchAsPhrasesWithOrWithoutSpaces() {
        let ix = index(["张伟", "张三伟业", "Acme Trading Ltd.", "Trading House Acme", "北京市华星科技有限公司"])
        #expect(ix.matches("zhang wei") == [0])          // not 张三伟业: zhang…wei apart
        #expect(ix.matches("zhang") == [0, 1])
        #expect(ix.matches("acme trading") == [2])
        #expect(ix.matches("acmetrading") == [2])
        #expect(ix.matches("trading acme") == [])
        #expect(ix.matches("北京 科技") == [4])            // CJK words combine freely
        #expect(ix.matches("zw 138") == [0])              // initials and phone digits in different fields
    }

    @Test func narrowingGivesTheSameAnswersAsAFullScan() {
        let names = ["张伟", "张维", "章伟", "李娜", "王伟强", "赵薇", "张三丰", "单田芳", "13800138000", "zhang-wei ltd", "Zhang Wei Trading", "wei zhang"]
        let ix = index(names)
        var n = Narrowing()
        let typed = ["z", "zh", "zha", "zhan", "zhang", "zhang ", "zhang w", "zhang we", "zhang wei", "zhang we", "zhan",
                     "zw", "z", "", "1", "13", "138", "138-", "138-0", "138-0a", "138-0", "wei", "we", "w", "ww",
                     "zhang wei t", "zhang wei tr", "zhang wei 1", "zhang wei", "zhang wei1", "zhang wei", "wei zh", "wei zhang"]
        for q in typed {
            #expect(n.filter(q, in: ix) == ix.matches(q), "query \(q)")
        }
    }
}

@Suite struct SearchIndexReferenceTests {
    /// The index (bitmaps, masks, memmem, narrowing) against a plain reference: substring tests on strings.
    @Test func agreesWithANaiveScan() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcxyz019 张伟-@.")
        var docs: [String] = []
        for _ in 0..<300 { docs.append(String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })) }
        var ix = SearchIndex(documents: docs)
        // Replace and append keep the bitmaps right.
        docs[7] = "zzz replaced xyz"; ix.replace(7, with: Array(docs[7].utf8))
        for k in 0..<80 { docs.append("new\(k) ab"); ix.append(Array(docs.last!.utf8)) }
        func naive(_ q: String) -> [Int32] {
            let query = SearchIndex.Query(q)
            return docs.indices.filter { i in
                let d = Array(docs[i].utf8)
                func has(_ w: [UInt8]) -> Bool { w.isEmpty || (d.count >= w.count && (0...(d.count - w.count)).contains { Array(d[$0..<($0 + w.count)]) == w }) }
                return query.words.allSatisfy(has) && query.runs.allSatisfy { has($0.joined) || has($0.spaced) }
            }.map(Int32.init)
        }
        for q in ["a", "ab", "abc", "x9", "张", "张伟", "z z", "ab c", "-", "@.", "new1", "new12 ab", "9 1", "replaced", "xyz zzz", "q"] {
            #expect(ix.matches(q) == naive(q), "query \(q)")
        }
        var n = Narrowing()
        for q in ["a", "ab", "abc", "ab", "a", "", "n", "ne", "new", "new1", "new1 a", "new1 ab"] {
            #expect(n.filter(q, in: ix) == naive(q), "narrowing \(q)")
        }
    }
}
