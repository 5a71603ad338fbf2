import Foundation
import ZHTJCore

/// The shape of a province: root leading body → cities → counties → committees (schools, towns, firms), each with
/// general branches of branches and branches of its own; one large university committee is the busy reviewer.
struct ProvinceTree {
    struct Org {
        var id: Int64
        var parentID: Int64?
        var path: String
        var depth: Int
        var shortName: String
        var fullName: String
        var category: OrgCategory
        var industry: String?
        /// For a branch: the committee that reviews its members (R-E4).
        var reviewerID: Int64?
    }

    private(set) var orgs: [Org] = []
    /// Indexes into `orgs` of the branches, and of the busy university's branches.
    private(set) var branches: [Int] = []
    private(set) var busyBranches: [Int] = []
    private(set) var busyCommitteeID: Int64 = 0
    private(set) var countyIDs: [Int64] = []

    static let industries = ["普通高等院校", "中等职业学校", "普通高中", "乡镇", "街道", "国有企业", "非公企业", "党政机关"]

    init(total: Int, cities: Int = 16, countiesPerCity: Int = 8) {
        var tree = self
        let root = tree.add(parent: nil, name: "团某某省委", category: .leadingBody, industry: "党政机关")
        var counties: [Int] = []
        for c in 0..<cities {
            let city = tree.add(parent: root, name: "团\(Self.place(c))市委", category: .leadingBody, industry: "党政机关")
            for k in 0..<countiesPerCity {
                counties.append(tree.add(parent: city, name: "团\(Self.place(c * 100 + k + 7))县委", category: .leadingBody, industry: "党政机关"))
            }
        }
        tree.countyIDs = counties.map { tree.orgs[$0].id }
        // The busy committee: a university of 20 colleges with 75 class branches each.
        let university = tree.add(parent: counties[0], name: "某某大学团委", category: .committee, industry: "普通高等院校")
        tree.busyCommitteeID = tree.orgs[university].id
        for college in 0..<20 {
            let general = tree.add(parent: university, name: "第\(college + 1)学院团总支", category: .generalBranch, industry: nil)
            for k in 0..<75 {
                let branch = tree.add(
                    parent: general, name: "专业\(college + 1)-\(2020 + k % 7)级\(k + 1)班团支部", category: .branch, industry: nil,
                    reviewer: tree.busyCommitteeID)
                tree.busyBranches.append(branch)
            }
        }
        // Ordinary committees of 26 orgs: 4 general branches of 3 branches, and 9 branches of their own.
        var n = 0
        while tree.orgs.count + 26 <= total {
            let county = counties[n % counties.count]
            let industry = Self.industries[n % Self.industries.count]
            let committee = tree.add(parent: county, name: "第\(n + 1)\(industry)团委", category: .committee, industry: industry)
            let reviewer = tree.orgs[committee].id
            for g in 0..<4 {
                let general = tree.add(parent: committee, name: "第\(g + 1)团总支", category: .generalBranch, industry: nil)
                for b in 0..<3 {
                    tree.add(parent: general, name: "第\(b + 1)团支部", category: .branch, industry: nil, reviewer: reviewer)
                }
            }
            for b in 0..<9 { tree.add(parent: committee, name: "直属第\(b + 1)团支部", category: .branch, industry: nil, reviewer: reviewer) }
            n += 1
        }
        // The rest: branches of the last committee.
        let last = tree.orgs.lastIndex { $0.category == .committee }!
        var extra = 0
        while tree.orgs.count < total {
            extra += 1
            tree.add(parent: last, name: "补充第\(extra)团支部", category: .branch, industry: nil, reviewer: tree.orgs[last].id)
        }
        self = tree
    }

    @discardableResult
    private mutating func add(parent: Int?, name: String, category: OrgCategory, industry: String?, reviewer: Int64? = nil) -> Int {
        let id = Int64(orgs.count + 1)
        let p = parent.map { orgs[$0] }
        orgs.append(Org(
            id: id, parentID: p?.id, path: (p?.path ?? "/") + "\(id)/", depth: (p?.depth ?? -1) + 1, shortName: name,
            fullName: OrgNaming.fullName(shortName: name, parentFullName: p?.fullName), category: category,
            industry: industry ?? p?.industry, reviewerID: reviewer))
        if category == .branch { branches.append(orgs.count - 1) }
        return orgs.count - 1
    }

    /// A made-up place name from a number (two characters).
    static func place(_ n: Int) -> String {
        let a = Array("东南西北中安平和兴华泰康宁新永长丰盛嘉宝")
        let b = Array("山川江河湖海林阳城州原岭溪桥港田坪")
        return String(a[n % a.count]) + String(b[(n / a.count) % b.count])
    }
}
