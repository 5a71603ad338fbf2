/// The four members of the tests' tree (org ids as in the end-to-end Scenario: branch 0003 under committee 0002,
/// branch 0005 under committee 0004): two needing e-archives in 0003, a 2019 and a 2015 member in 0005.
public enum TestMembers {
    public static let csv = [
        "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码",
        "李明,440101200701010114,汉族,共青团员,2021-05,0003,否,202144010001,",
        "张伟,440101200702020226,汉族,共青团员,2022-05,0003,否,202244010002,",
        "赵强,440101200603030330,回族,共青团员,2019-05,0005,否,201944010003,",
        "孙丽,440101200306060664,汉族,共青团员,2015-09,0005,否,,",
    ].joined(separator: "\n")
}
