import Foundation

/// Every error a user can meet, with a message in Chinese and English that names the value and the fix.
public enum ZHTJError: Error, Equatable, Sendable, CustomStringConvertible {
    case badRequest(String)
    case unknownCommand(String)
    case notOperator(uid: UInt32)
    case rootExists(String)
    case noRoot
    case credentialRequired
    case credentialInvalid
    case credentialWrongUser
    case codeMalformed(String)
    case codeUnknown(String)
    case codeUsed(String)
    case codeExpired(String, expiredAt: Date)
    case codeWrongOrg(String, codeOrg: String, requested: String)
    case tooManyFailures(until: Date)
    case invalidOrgName(String, reason: String)
    case invalidCategory(String)
    case categoryNotAllowed(parent: String, parentCategory: OrgCategory, child: OrgCategory)
    case orgNotFound(String)
    case orgAmbiguous(String, candidates: [String])
    case outsideSubtree(String)
    case orgImmutable(field: String)
    case notBranch(String)
    case duplicateOrg(String)
    case invalidField(field: String, value: String, reason: String)
    case memberNotFound(String)
    case memberAmbiguous(String, candidates: [String])
    case cadreNotFound(String)
    case importFailed(String)
    case uploadNotFound(Int64)
    case uploadNotUnmatched(Int64)
    case uploadNotRefused(Int64)
    case reviewNotFound(Int64)
    case alreadyDecided(Int64, by: String, state: String)
    case reasonRequired
    case changeRequired(String)
    case changeRequestNotFound(Int64)
    case changeRequestOpen(Int64)
    case changeNotNeeded(String)
    case leaveRequestNotFound(Int64)
    case transferRequestNotFound(Int64)
    case memberLeft(String, Departure)
    case memberAccountPending(String)
    case memberCredentialLimited(String)
    case notAllowed(String)
    case nothingToLabel(String)
    case versionNotFound(String, Int?)
    case limitOutOfRange(option: String, value: Int, lowest: Int, highest: Int)
    case consoleOff(String)
    case storage(String)
    case internalError(String)

    /// A stable machine-readable code, used in the protocol.
    public var code: String {
        switch self {
        case .badRequest: "bad_request"
        case .unknownCommand: "unknown_command"
        case .notOperator: "not_operator"
        case .rootExists: "root_exists"
        case .noRoot: "no_root"
        case .credentialRequired: "credential_required"
        case .credentialInvalid: "credential_invalid"
        case .credentialWrongUser: "credential_wrong_user"
        case .codeMalformed: "code_malformed"
        case .codeUnknown: "code_unknown"
        case .codeUsed: "code_used"
        case .codeExpired: "code_expired"
        case .codeWrongOrg: "code_wrong_org"
        case .tooManyFailures: "too_many_failures"
        case .invalidOrgName: "invalid_org_name"
        case .invalidCategory: "invalid_category"
        case .categoryNotAllowed: "category_not_allowed"
        case .orgNotFound: "org_not_found"
        case .orgAmbiguous: "org_ambiguous"
        case .outsideSubtree: "outside_subtree"
        case .orgImmutable: "org_immutable"
        case .notBranch: "not_branch"
        case .duplicateOrg: "duplicate_org"
        case .invalidField: "invalid_field"
        case .memberNotFound: "member_not_found"
        case .memberAmbiguous: "member_ambiguous"
        case .cadreNotFound: "cadre_not_found"
        case .importFailed: "import_failed"
        case .uploadNotFound: "upload_not_found"
        case .uploadNotUnmatched: "upload_not_unmatched"
        case .uploadNotRefused: "upload_not_refused"
        case .reviewNotFound: "review_not_found"
        case .alreadyDecided: "already_decided"
        case .reasonRequired: "reason_required"
        case .changeRequired: "change_required"
        case .changeRequestNotFound: "change_request_not_found"
        case .changeRequestOpen: "change_request_open"
        case .changeNotNeeded: "change_not_needed"
        case .leaveRequestNotFound: "leave_request_not_found"
        case .transferRequestNotFound: "transfer_request_not_found"
        case .memberLeft: "member_left"
        case .memberAccountPending: "member_account_pending"
        case .memberCredentialLimited: "member_credential_limited"
        case .notAllowed: "not_allowed"
        case .nothingToLabel: "nothing_to_label"
        case .versionNotFound: "version_not_found"
        case .limitOutOfRange: "limit_out_of_range"
        case .consoleOff: "console_off"
        case .storage: "storage"
        case .internalError: "internal"
        }
    }

    public var chinese: String {
        switch self {
        case .badRequest(let why): "请求无效：\(why)"
        case .unknownCommand(let c): "未知命令“\(c)”"
        case .notOperator(let uid): "用户\(uid)不是运行zhtjd的用户或root，不能初始化"
        case .rootExists(let name): "根组织“\(name)”已存在，不能再次初始化"
        case .noRoot: "尚未初始化：请先由运维人员运行 zhtj init"
        case .credentialRequired: "此命令需要管理员凭据：请先用注册码运行 zhtj register"
        case .credentialInvalid: "凭据无效或已失效：请检查 --credentials 文件，或重新注册"
        case .credentialWrongUser: "该凭据属于另一个系统用户，不能由当前用户使用"
        case .codeMalformed(let c): "注册码“\(c)”格式错误：应为8位数字或字母（区分大小写）"
        case .codeUnknown(let c): "注册码“\(c)”不存在：请核对（区分大小写）"
        case .codeUsed(let c): "注册码“\(c)”已被使用：每个注册码只能使用一次，请向上级索取新码"
        case .codeExpired(let c, let at): "注册码“\(c)”已于\(Self.stamp(at))过期（有效期20天）：请向上级索取新码"
        case .codeWrongOrg(let c, let codeOrg, let requested): "注册码“\(c)”属于“\(codeOrg)”，不能用于“\(requested)”"
        case .tooManyFailures(let until): "注册失败次数过多：请于\(Self.stamp(until))之后再试"
        case .invalidOrgName(let n, let why): "组织名称“\(n)”无效（\(why)）"
        case .invalidCategory(let c): "组织类别“\(c)”无效：可选 leading-body、committee、working-committee、general-branch、branch"
        case .categoryNotAllowed(let p, let pc, let c): "“\(p)”（\(pc.chinese)）下不能建立\(c.chinese)"
        case .orgNotFound(let o): "找不到组织“\(o)”：请用 zhtj org tree 查看编号或全称"
        case .orgAmbiguous(let o, let c): "“\(o)”对应多个组织：\(c.joined(separator: "、"))，请用编号"
        case .outsideSubtree(let o): "“\(o)”不在您管理的组织范围内"
        case .orgImmutable(let f): "组织的\(f)创建后不能修改（R-O2）；书记信息可用 zhtj org secretary 登记"
        case .notBranch(let o): "“\(o)”不是团支部：团员只能属于团支部"
        case .duplicateOrg(let n): "上级组织下已有同名组织“\(n)”"
        case .invalidField(let f, let v, let why): "\(f)“\(v)”无效：\(why)"
        case .memberNotFound(let k): "在您管理的范围内找不到团员“\(k)”：可按姓名、身份证号码或发展团员编号查找"
        case .memberAmbiguous(let k, let c): "“\(k)”对应多名团员：\(c.joined(separator: "、"))，请用身份证号码或编号"
        case .cadreNotFound(let k): "在您管理的范围内找不到团干部“\(k)”：可按编号、身份证号码或姓名查找（zhtj cadre list）"
        case .uploadNotFound(let id): "在您管理的范围内没有编号为\(id)的上传文件：请用 zhtj unmatched 或 zhtj refused 查看"
        case .uploadNotUnmatched(let id): "上传文件\(id)不在待匹配列表中"
        case .uploadNotRefused(let id): "上传文件\(id)不在被拒列表中，或已重试"
        case .importFailed(let why): "导入失败：\(why)"
        case .reviewNotFound(let id): "没有编号为\(id)的待审核档案（或不由您审核）：请用 zhtj reviews 查看"
        case .alreadyDecided(let id, let by, let state): "档案\(id)已由\(by)处理（\(state)）"
        case .reasonRequired: "必须写明原因：请加 --reason 文字"
        case .changeRequired(let m): "团员\(m)的档案已提交或已通过：需先提交修改申请并获批准（zhtj change-request）"
        case .changeRequestNotFound(let id): "没有编号为\(id)的待处理修改申请（或不由您审批）：请用 zhtj change-requests 查看"
        case .changeRequestOpen(let id): "该团员已有修改申请\(id)待审批或待使用"
        case .changeNotNeeded(let m): "团员\(m)没有待审核或已通过的档案：直接把新文件放入收件目录即可"
        case .leaveRequestNotFound(let id): "没有编号为\(id)的待处理离团申请（或不由您审批）：请用 zhtj leave-requests 查看"
        case .transferRequestNotFound(let id): "没有编号为\(id)的待处理转接（或不由您处理）：请用 zhtj transfers 查看"
        case .memberLeft(let m, let how): "团员\(m)已离开（\(how.rawValue)），记录永久保留，不能再办理此事"
        case .memberAccountPending(let m): "团员\(m)的个人凭据尚待所在团支部管理员批准（zhtj member approve-self）"
        case .memberCredentialLimited(let command): "团员个人凭据只能查看本人的信息、档案和团员证（member show、get、card），不能执行\(command)"
        case .notAllowed(let why): "无权操作：\(why)"
        case .nothingToLabel(let scope): "“\(scope)”中没有需要打印标签的团员：标签只为2020年及以后入团、已有发展团员编号的团员打印（--only-missing 时再除去已上传的）"
        case .versionNotFound(let m, let v): "团员\(m)没有\(v.map { "第\($0)版" } ?? "")电子档案"
        case .limitOutOfRange(let o, let v, let lo, let hi): "--\(o) \(v) 超出范围：应为\(lo)到\(hi)之间的整数；要看全部请用 --all"
        case .consoleOff(let why): "浏览器控制台未运行：\(why)。请检查 console.listen 设置和 zhtjd 的日志"
        case .storage(let why): "数据库错误：\(why)"
        case .internalError(let why): "内部错误：\(why)"
        }
    }

    public var english: String {
        switch self {
        case .badRequest(let why): "bad request: \(why)"
        case .unknownCommand(let c): "unknown command \"\(c)\""
        case .notOperator(let uid): "uid \(uid) is neither the user running zhtjd nor root, so it cannot initialise"
        case .rootExists(let name): "the root org \"\(name)\" already exists; init runs once"
        case .noRoot: "not initialised yet: the operator must run `zhtj init` first"
        case .credentialRequired: "this command needs an admin credential: register first with `zhtj register --code CODE`"
        case .credentialInvalid: "the credential is not valid: check the --credentials file, or register again"
        case .credentialWrongUser: "this credential belongs to another system user and cannot be used by this one"
        case .codeMalformed(let c): "\"\(c)\" is not a registration code: codes are 8 digits or letters (case-sensitive)"
        case .codeUnknown(let c): "no registration code \"\(c)\": check it, codes are case-sensitive"
        case .codeUsed(let c): "the code \"\(c)\" has already been used; each code works once: ask your superior org for a new one"
        case .codeExpired(let c, let at): "the code \"\(c)\" expired at \(Self.stamp(at)) (codes are valid 20 days): ask for a new one"
        case .codeWrongOrg(let c, let codeOrg, let requested): "the code \"\(c)\" is for \"\(codeOrg)\", not for \"\(requested)\""
        case .tooManyFailures(let until): "too many failed registrations from this user: try again after \(Self.stamp(until))"
        case .invalidOrgName(let n, let why): "the org name \"\(n)\" is not valid (\(why))"
        case .invalidCategory(let c): "unknown category \"\(c)\": use leading-body, committee, working-committee, general-branch or branch"
        case .categoryNotAllowed(let p, let pc, let c): "a \(c.rawValue) cannot be created under \"\(p)\" (a \(pc.rawValue))"
        case .orgNotFound(let o): "no org \"\(o)\": see `zhtj org tree` for identifiers and full names"
        case .orgAmbiguous(let o, let c): "\"\(o)\" names several orgs (\(c.joined(separator: ", "))): use the identifier"
        case .outsideSubtree(let o): "\"\(o)\" is outside the orgs you administer"
        case .orgImmutable(let f): "an org's \(f) cannot be changed after it is created (R-O2); the secretary can be recorded with `zhtj org secretary`"
        case .notBranch(let o): "\"\(o)\" is not a branch: members belong to branches only"
        case .duplicateOrg(let n): "the parent org already has an org named \"\(n)\""
        case .invalidField(let f, let v, let why): "\(f) \"\(v)\" is not valid: \(why)"
        case .memberNotFound(let k): "no member \"\(k)\" in the orgs you administer: search by name, ID number or development number"
        case .memberAmbiguous(let k, let c): "\"\(k)\" names several members (\(c.joined(separator: ", "))): use the ID number or #id"
        case .cadreNotFound(let k): "no cadre \"\(k)\" in the orgs you administer: use #id, the ID number or the name (`zhtj cadre list`)"
        case .uploadNotFound(let id): "no upload \(id) in the orgs you administer: see `zhtj unmatched` or `zhtj refused`"
        case .uploadNotUnmatched(let id): "upload \(id) is not in the unmatched list"
        case .uploadNotRefused(let id): "upload \(id) is not a refused file, or it was retried already"
        case .importFailed(let why): "import failed: \(why)"
        case .reviewNotFound(let id): "no review \(id) for you: see `zhtj reviews`"
        case .alreadyDecided(let id, let by, let state): "review \(id) was already decided by \(by) (\(state))"
        case .reasonRequired: "a written reason is required: add --reason TEXT (R-E6)"
        case .changeRequired(let m): "member \(m) already has a pending or approved e-archive: a change request must be approved first (`zhtj change-request`, R-E12)"
        case .changeRequestNotFound(let id): "no open change request \(id) for you: see `zhtj change-requests`"
        case .changeRequestOpen(let id): "this member already has change request \(id) open or approved and unused"
        case .changeNotNeeded(let m): "member \(m) has no pending or approved e-archive: just drop the new file into the inbox"
        case .leaveRequestNotFound(let id): "no open leave request \(id) for you: see `zhtj leave-requests`"
        case .transferRequestNotFound(let id): "no open transfer \(id) for you: see `zhtj transfers`"
        case .memberLeft(let m, let how): "member \(m) has left (\(how.english)); the record is kept for ever but nothing more can be done with it"
        case .memberAccountPending(let m): "the own credential of member \(m) waits for the approval of the member's branch (`zhtj member approve-self`)"
        case .memberCredentialLimited(let command): "a member's own credential only shows that member's record, e-archive and card (member show, get, card), not \(command) (R-E13)"
        case .notAllowed(let why): "not allowed: \(why)"
        case .nothingToLabel(let scope): "no member to print a label for in \(scope): labels are for members who joined in 2020 or later and have a development number (with --only-missing, less those whose file is uploaded)"
        case .versionNotFound(let m, let v): "member \(m) has no e-archive\(v.map { " version \($0)" } ?? "")"
        case .limitOutOfRange(let o, let v, let lo, let hi): "--\(o) \(v) is out of range: give a whole number from \(lo) to \(hi), or --all for everything"
        case .consoleOff(let why): "the browser console is not running: \(why). Check the setting console.listen and zhtjd's log"
        case .storage(let why): "database error: \(why)"
        case .internalError(let why): "internal error: \(why)"
        }
    }

    public var description: String { "\(chinese) / \(english)" }

    /// A refusal on the grounds of who is asking (scope, role, identity): every one is audited.
    public var isDenial: Bool {
        switch self {
        case .outsideSubtree, .memberNotFound, .memberAccountPending, .memberCredentialLimited, .cadreNotFound, .reviewNotFound, .changeRequestNotFound,
            .leaveRequestNotFound, .transferRequestNotFound, .uploadNotFound, .notAllowed, .notOperator,
            .credentialRequired, .credentialInvalid, .credentialWrongUser:
            true
        default: false
        }
    }

    static func stamp(_ date: Date) -> String {
        UTCStamp.string(date)
    }
}
