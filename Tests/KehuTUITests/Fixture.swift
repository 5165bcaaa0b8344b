import Foundation
import KehuCore
@testable import KehuTUI

/// A small store with Chinese data, built by applying journal entries, and a
/// fixed clock (2026-11-25 10:00 UTC, Asia/Shanghai), for reducer and screen tests.
enum Fixture {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let now = Timestamp("2026-11-25T02:00:00Z")!
    static var clock: Clock { Clock(now: now, timeZone: zone) }

    static func snapshot(extra: [Change] = []) -> Snapshot {
        var s = Snapshot()
        var seq: Int64 = 0
        func add(_ c: Change, by: String = "alice", at: Timestamp = Timestamp("2026-01-05T01:00:00Z")!) {
            var c = c
            if c.id == nil, let e = Entity(rawValue: c.entity) { c.id = s.nextId(for: e) }
            seq += 1
            try! s.apply(JournalEntry(seq: seq, at: at, by: by, change: c))
        }
        for e in DictionarySeed.entries { add(.create(.dictionary, id: e.id, e.fieldValues)) }
        add(.create(.customer, ["name": "广州市人易软件技术有限公司", "region": "华南", "category": "现有终端客户", "credit": 4,
                                "owner": "alice", "contactStrategy": "每月联系", "phone": "020-38888888", "tags": .array(["VIP", "软件"]),
                                "email": "info@renyi.cn", "notes": "老客户,年底有续约。\n第二行备注"]))
        add(.create(.customer, ["name": "张伟", "region": "华东", "category": "潜在终端客户", "credit": 2, "owner": "bob",
                                "contactStrategy": "每周联系", "phone": "138-0013-8000"]))
        add(.create(.customer, ["name": "Acme Trading Ltd.", "region": "华北", "category": "现有代理", "credit": 5]))
        add(.create(.customer, ["name": "单田芳评书社", "region": "东北", "category": "潜在代理", "owner": "alice"]))
        add(.create(.contact, ["customer": "C1", "name": "曾国强", "title": "采购经理", "mobile": "13912345678", "email": "zeng@renyi.cn"]))
        add(.create(.contact, ["customer": "C3", "name": "John Smith", "email": "john@acme.com"]))
        add(.create(.transaction, ["customer": "C1", "date": "2026-03-10", "amount": "120000.00", "product": "ERP 授权"]))
        add(.create(.transaction, ["customer": "C1", "date": "2026-09-18", "amount": "35800.50", "product": "实施服务", "quantity": "2"]))
        add(.create(.transaction, ["customer": "C3", "date": "2026-10-01", "amount": "9999.00", "product": "Widgets"]))
        add(.create(.interaction, ["customer": "C1", "at": "2026-11-01T02:30:00Z", "channel": "电话", "note": "确认续约意向。\n下周发报价。", "by": "alice"]))
        add(.create(.interaction, ["customer": "C1", "at": "2026-11-20T06:00:00Z", "channel": "微信", "note": "发送报价单", "by": "alice", "kind": "contact"]))
        add(.create(.interaction, ["customer": "C1", "at": "2026-11-21T06:00:00Z", "channel": "邮件", "note": "发票抬头有误", "by": "alice", "kind": "complaint"]))
        for c in extra { add(c) }
        return s
    }

    static func state(width: Int = 80, height: Int = 24, lang: Language = .zh, snapshot: Snapshot? = nil) -> AppState {
        AppState(snapshot: snapshot ?? self.snapshot(), user: "alice", storeName: "crm", lang: lang, clock: clock, width: width, height: height)
    }

    @discardableResult
    static func keys(_ s: inout AppState, _ keys: [Key]) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += Reducer.reduce(&s, .key(k)) }
        return out
    }

    static func type(_ s: inout AppState, _ text: String) {
        for c in text { _ = Reducer.reduce(&s, .key(.char(c))) }
    }
}
