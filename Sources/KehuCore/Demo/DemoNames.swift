/// Word lists for generated customers: Chinese and English companies and people.
enum DemoNames {
    static let cities: [(String, String, String, String)] = [  // name, pinyin, region, postcode prefix
        ("广州", "guangzhou", "华南", "510"), ("深圳", "shenzhen", "华南", "518"), ("上海", "shanghai", "华东", "200"),
        ("杭州", "hangzhou", "华东", "310"), ("南京", "nanjing", "华东", "210"), ("武汉", "wuhan", "华中", "430"),
        ("长沙", "changsha", "华中", "410"), ("北京", "beijing", "华北", "100"), ("天津", "tianjin", "华北", "300"),
        ("成都", "chengdu", "西南", "610"), ("重庆", "chongqing", "西南", "400"), ("西安", "xian", "西北", "710"),
        ("兰州", "lanzhou", "西北", "730"), ("沈阳", "shenyang", "东北", "110"), ("哈尔滨", "haerbin", "东北", "150"),
    ]
    static let brands: [(String, String)] = [
        ("人易", "renyi"), ("华星", "huaxing"), ("恒通", "hengtong"), ("金桥", "jinqiao"), ("宏达", "hongda"),
        ("新海", "xinhai"), ("鼎盛", "dingsheng"), ("长城", "changcheng"), ("瑞丰", "ruifeng"), ("东方", "dongfang"),
        ("天成", "tiancheng"), ("明远", "mingyuan"), ("博雅", "boya"), ("正泰", "zhengtai"), ("海纳", "haina"),
        ("永康", "yongkang"), ("中科", "zhongke"), ("蓝天", "lantian"), ("银河", "yinhe"), ("嘉禾", "jiahe"),
        ("朗润", "langrun"), ("信诚", "xincheng"), ("锦绣", "jinxiu"), ("盛世", "shengshi"), ("光明", "guangming"),
    ]
    static let trades: [(String, String, String)] = [  // word, english, industry
        ("软件技术", "Software", "信息技术"), ("医疗器械", "Medical", "医疗卫生"), ("化工", "Chemicals", "化工"),
        ("教育科技", "Education", "教育"), ("机械制造", "Machinery", "制造业"), ("商贸", "Trading", "零售"),
        ("物流", "Logistics", "物流"), ("投资", "Capital", "金融"), ("置业", "Properties", "房地产"), ("电子", "Electronics", "制造业"),
    ]
    static let suffixes = ["有限公司", "有限责任公司", "股份有限公司"]
    static let englishFirst = ["Acme", "Northwind", "Blue Harbor", "Silverline", "Pioneer", "Evergreen", "Summit", "Redwood",
                               "Brightstar", "Oakridge", "Harborview", "Ironbridge", "Crescent", "Golden Gate", "Lakeside"]
    static let englishSuffixes = ["Co., Ltd.", "Inc.", "Ltd.", "LLC", "Group"]
    static let surnames: [(String, String)] = [
        ("张", "zhang"), ("王", "wang"), ("李", "li"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
        ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"),
        ("郭", "guo"), ("何", "he"), ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("曾", "zeng"), ("单", "shan"),
    ]
    static let givenNames: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
        ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"),
        ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("建华", "jianhua"), ("晓东", "xiaodong"), ("海燕", "haiyan"),
    ]
    static let englishPeople = ["John Smith", "Mary Johnson", "David Lee", "Sarah Brown", "Michael Chen", "Emma Wilson",
                                "James Taylor", "Olivia Martin", "Robert Clark", "Sophia Lewis"]
    static let titles = ["总经理", "采购经理", "财务总监", "技术总监", "行政主管", "销售总监", "CEO", "Purchasing Manager", "CTO"]
    static let products = ["CRM 标准版", "CRM 企业版", "实施服务", "年度维护", "培训课程", "数据迁移", "定制开发", "硬件套装"]
    static let roads = ["天河路", "中山大道", "人民路", "解放路", "建设路", "科技园路", "长江路", "和平街", "南京路", "文化路"]
    static let contactNotes = [
        "电话沟通了新一季度的采购计划，客户对价格比较敏感。\n下周发送报价单。",
        "微信回访，确认上次交付的设备运行正常。",
        "上门拜访，见了采购经理和技术总监。\n讨论了升级到企业版的可能性；\n需要准备案例材料。",
        "Email follow-up on the renewal quote.\nThey asked for a 10% discount.",
        "Called to confirm the training schedule for next month.",
        "邮件发送了产品手册和报价。",
        "会议讨论年度框架协议，客户希望延长账期。",
    ]
    static let feedbackNotes = ["客户反馈新版本界面更易用。", "Positive feedback on the support team's response time.", "建议增加移动端功能。"]
    static let complaintNotes = ["投诉：上次发货延迟一周，影响了项目进度。\n已向物流部门反映。", "Complaint: invoice amount did not match the quote.", "投诉售后响应慢。"]
}
