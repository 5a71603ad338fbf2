import Mustache

/// The console's pages: plain HTML, every value escaped by Mustache's `{{…}}` (names and file names may hold
/// anything); no inline script or style, so the Content-Security-Policy can forbid both.
enum ConsoleTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all { try library.register(text, named: name) }
        return library
    }

    static let all: [(String, String)] = [
        ("head", head), ("foot", foot), ("message", message), ("queue", queue), ("review", review), ("uploads", uploads),
        ("search", search), ("reminders", reminders),
    ]

    static let head = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · 智慧团建 zhtj</title>
        <link rel="stylesheet" href="/static/console.css">
        {{#pdfjs}}<script src="/pdfjs/pdf.js" defer></script>{{/pdfjs}}
        <script src="/static/console.js" defer></script>
        </head>
        <body data-csrf="{{csrf}}">
        <header>
        <strong>智慧团建 · 审核 <small>zhtj console</small></strong>
        {{#admin}}
        <nav>
        <a href="/queue" id="nav-queue">审核队列 Queue</a>
        <a href="/unmatched" id="nav-unmatched">未匹配 Unmatched</a>
        <a href="/refused" id="nav-refused">被拒文件 Refused</a>
        <a href="/search" id="nav-search">查询 Search</a>
        <a href="/reminders" id="nav-reminders">提醒 Reminders</a>
        </nav>
        <span class="who">{{name}} · {{org}}</span>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">退出 Log out</button></form>
        {{/admin}}
        </header>
        {{#flash}}<p class="flash {{kind}}" id="flash">{{text}}</p>{{/flash}}
        """

    static let foot = """
        </body>
        </html>
        """

    static let message = """
        {{> head}}
        <main class="message">
        <h1>{{heading}}</h1>
        <p>{{zh}}</p>
        <p>{{en}}</p>
        </main>
        {{> foot}}
        """

    static let queue = """
        {{> head}}
        <main>
        <h1>审核队列 Review queue <small id="queue-total">{{total}} 份待审 pending</small></h1>
        {{#items.0}}{{/items.0}}
        <table id="queue">
        <thead><tr><th>#</th><th>团员 Member</th><th>团员编号 Number</th><th>支部 Branch</th><th>页数 Pages</th><th>版本 Version</th><th>编号来源 Source</th><th>文件 File</th><th>收到 Received</th><th>已等待 Waiting</th></tr></thead>
        <tbody>
        {{#items}}
        <tr class="{{#overdue}}overdue{{/overdue}}"><td><a href="/review/{{id}}" class="open-review">{{id}}</a></td><td>{{member}}</td><td>{{number}}</td><td>{{branch}}</td><td>{{pages}}</td><td>{{version}}</td><td>{{source}}</td><td class="file">{{fileName}}</td><td>{{received}}</td><td>{{waitingDays}} 天 days</td></tr>
        {{/items}}
        {{^items}}<tr><td colspan="10" id="queue-empty">没有待审核的档案 Nothing waiting for your review</td></tr>{{/items}}
        </tbody>
        </table>
        {{#hasMore}}<p>另有 {{more}} 份未列出：审完这些后刷新 / {{more}} more not listed: reload after these.</p>{{/hasMore}}
        <h2>下级组织概况 Overview by subordinate org</h2>
        <table id="overview">
        <thead><tr><th>组织 Org</th><th>待审 Pending</th><th>已通过 Approved</th><th>已驳回 Rejected</th><th>未上传 Not uploaded</th></tr></thead>
        <tbody>
        {{#overview}}<tr><td>{{org}}</td><td>{{pending}}</td><td>{{approved}}</td><td>{{rejected}}</td><td>{{notUploaded}}</td></tr>{{/overview}}
        </tbody>
        </table>
        </main>
        {{> foot}}
        """

    static let review = """
        {{> head}}
        <main class="review" id="review" data-id="{{id}}" data-pdf="{{pdf}}" data-next="{{next}}" data-prev="{{prev}}" data-member="{{memberID}}">
        <section class="member">
        <h1 id="member-name">{{member.name}}</h1>
        <dl>
        <dt>身份证号 ID number</dt><dd><span id="idnumber">{{member.idMasked}}</span> <button type="button" id="reveal">显示 Reveal</button></dd>
        <dt>入团时间 Joined</dt><dd>{{member.joinDate}}</dd>
        <dt>团员编号 Number</dt><dd id="member-number">{{member.number}} <small>{{item.source}}</small></dd>
        <dt>支部 Branch</dt><dd>{{member.branch}}</dd>
        <dt>民族 Ethnicity</dt><dd>{{member.ethnicity}}</dd>
        <dt>政治面貌 Political status</dt><dd>{{member.politicalStatus}}</dd>
        <dt>状态 Status</dt><dd>{{member.status}}</dd>
        <dt>文件 File</dt><dd class="file" id="file-name">{{item.fileName}}</dd>
        <dt>页数 Pages</dt><dd>{{item.pages}}</dd>
        <dt>上传 Uploaded</dt><dd>{{item.uploadedBy}} · {{item.received}} · 已等待 {{item.waitingDays}} 天 days</dd>
        </dl>
        <h2>版本 Versions</h2>
        <table id="versions">
        <thead><tr><th>版本 Version</th><th>状态 State</th><th>上传 Uploaded</th><th>审核 Review</th><th>理由 Reason</th></tr></thead>
        <tbody>
        {{#versions}}<tr><td>v{{version}}</td><td>{{state}}</td><td>{{uploaded}}</td><td>{{reviewer}}</td><td>{{reason}}</td></tr>{{/versions}}
        </tbody>
        </table>
        <div class="decide">
        <form method="post" action="/review/{{id}}/approve" id="approve-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="approve" class="approve">通过 Approve <kbd>A</kbd></button>
        </form>
        <form method="post" action="/review/{{id}}/reject" id="reject-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="reason-code">驳回理由 Reason</label>
        <select name="reasonCode" id="reason-code">
        {{#reasonCodes}}<option value="{{code}}">{{zh}} {{code}}</option>{{/reasonCodes}}
        </select>
        <textarea name="reason" id="reason" rows="3" required placeholder="写明理由，将退回上传组织 / the reason, sent back to the uploading org"></textarea>
        <button type="submit" id="reject" class="reject">驳回 Reject <kbd>R</kbd></button>
        </form>
        </div>
        <p class="keys">键 Keys: <kbd>A</kbd> 通过 approve · <kbd>R</kbd> 驳回 reject · <kbd>J</kbd>/<kbd>K</kbd> 下一份/上一份 next/previous · <kbd>+</kbd>/<kbd>-</kbd> 缩放 zoom</p>
        </section>
        <section class="scan">
        <div class="toolbar">
        <button type="button" id="page-prev">‹ 上一页</button>
        <span id="page-label">1 / {{item.pages}}</span>
        <button type="button" id="page-next">下一页 ›</button>
        <button type="button" id="zoom-out">−</button>
        <span id="zoom-label">100%</span>
        <button type="button" id="zoom-in">+</button>
        <button type="button" id="rotate">旋转 Rotate</button>
        <a href="{{pdf}}?download=1" id="download">下载 Download</a>
        </div>
        <p id="pdf-status">正在载入 Loading…</p>
        <canvas id="page" data-rendered="0"></canvas>
        </section>
        </main>
        {{> foot}}
        """

    static let uploads = """
        {{> head}}
        <main>
        <h1>{{heading}}</h1>
        <p>{{explain}}</p>
        <table id="uploads">
        <thead><tr><th>#</th><th>文件 File</th><th>文件夹 Folder</th><th>收到 Received</th><th>{{detailHeading}}</th><th></th></tr></thead>
        <tbody>
        {{#items}}
        <tr><td>{{id}}</td><td class="file">{{name}}</td><td>{{folder}}</td><td>{{received}}</td><td>{{detail}}</td>
        <td>
        {{#unmatched}}
        <form method="post" action="/uploads/{{id}}/attach" class="attach">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input name="member" required placeholder="团员编号、身份证号或 #ID / number, ID number or #id" value="{{suggestion}}">
        <button type="submit">关联 Attach</button>
        </form>
        {{/unmatched}}
        {{#refused}}
        <form method="post" action="/uploads/{{id}}/retry" class="retry">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">重试 Retry</button>
        </form>
        {{/refused}}
        </td></tr>
        {{/items}}
        {{^items}}<tr><td colspan="6">没有 None</td></tr>{{/items}}
        </tbody>
        </table>
        </main>
        {{> foot}}
        """

    static let search = """
        {{> head}}
        <main>
        <h1>查询团员 Member search</h1>
        <form method="get" action="/search" id="search-form">
        <input name="q" id="q" value="{{query}}" autofocus placeholder="姓名、身份证号或团员编号 / name, ID number or number">
        <button type="submit">查询 Search</button>
        </form>
        {{#searched}}
        <table id="results">
        <thead><tr><th>#</th><th>姓名 Name</th><th>身份证号 ID number</th><th>团员编号 Number</th><th>支部 Branch</th><th>入团 Joined</th><th>状态 Status</th></tr></thead>
        <tbody>
        {{#results}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{idMasked}}</td><td>{{number}}</td><td>{{branch}}</td><td>{{joinDate}}</td><td>{{status}}</td></tr>{{/results}}
        {{^results}}<tr><td colspan="7">没有找到 No member found</td></tr>{{/results}}
        </tbody>
        </table>
        {{/searched}}
        </main>
        {{> foot}}
        """

    static let reminders = """
        {{> head}}
        <main>
        <h1>提醒 Reminders <small>{{org}} · {{date}}</small></h1>
        <table id="counts">
        <tbody>
        <tr><th>未上传 Not uploaded</th><td>{{counts.notUploaded}}</td></tr>
        <tr><th>待审核 Waiting for review</th><td>{{counts.waitingForReview}}</td></tr>
        <tr><th>被驳回 Rejected</th><td>{{counts.rejected}}</td></tr>
        <tr><th>逾期 Overdue (&gt; 30 天 days)</th><td>{{counts.overdue}}</td></tr>
        <tr><th>待我审核 Reviews waiting for you</th><td><a href="/queue">{{reviewsWaiting}}</a></td></tr>
        </tbody>
        </table>
        {{#hasSubordinates}}
        <h2>下级组织 Subordinate orgs</h2>
        <table id="subordinates">
        <thead><tr><th>组织 Org</th><th>未上传 Not uploaded</th><th>待审核 Waiting</th><th>被驳回 Rejected</th><th>逾期 Overdue</th></tr></thead>
        <tbody>{{#subordinates}}<tr><td>{{org}}</td><td>{{notUploaded}}</td><td>{{waiting}}</td><td>{{rejected}}</td><td>{{overdue}}</td></tr>{{/subordinates}}</tbody>
        </table>
        {{/hasSubordinates}}
        <h2>团员 Members</h2>
        <table id="members">
        <thead><tr><th>姓名 Name</th><th>支部 Branch</th><th>情况 What is open</th><th>期限 Due</th></tr></thead>
        <tbody>{{#members}}<tr><td>{{name}}</td><td>{{branch}}</td><td>{{what}}</td><td>{{due}}</td></tr>{{/members}}
        {{^members}}<tr><td colspan="4">没有 None</td></tr>{{/members}}</tbody>
        </table>
        </main>
        {{> foot}}
        """
}
