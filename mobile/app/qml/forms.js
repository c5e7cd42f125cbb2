// The fields of each kind of record, in the order a person fills them in. Labels are wrapped in
// qsTranslate("forms", …) by the form (QT_TR_NOOP marks them for lupdate); field keys are the
// wire format's.

var institutionCategories = [
    { value: "national_research_institution", label: QT_TR_NOOP("国家级科研机构") },
    { value: "industrial_investment_institution", label: QT_TR_NOOP("重点产业投资机构") },
    { value: "well_known_entrepreneur", label: QT_TR_NOOP("行业知名企业家") },
    { value: "national_industry_association", label: QT_TR_NOOP("国家级行业协会") }
]

var specs = {
    "visit": [
        { key: "enterprise", label: QT_TR_NOOP("拜访企业"), type: "enterprise" },
        { key: "checkIn", label: QT_TR_NOOP("现场签到"), type: "checkin" },
        { key: "date", label: QT_TR_NOOP("拜访日期"), type: "date" },
        { key: "purpose", label: QT_TR_NOOP("拜访目的"), type: "text" },
        { key: "outcome", label: QT_TR_NOOP("拜访成果"), type: "textarea" },
        { key: "notes", label: QT_TR_NOOP("备注"), type: "textarea", optional: true },
        { key: "trip", label: QT_TR_NOOP("外出招商期间的拜访"), type: "trip", optional: true },
        { key: "institution", label: QT_TR_NOOP("拜访对象属于"), type: "choice", optional: true,
          choices: [{ value: "", label: QT_TR_NOOP("一般企业") }].concat(institutionCategories) },
        { key: "attachments", label: QT_TR_NOOP("照片和文件"), type: "attachments", optional: true }
    ],
    "trip": [
        { key: "destination", label: QT_TR_NOOP("目的地"), type: "text" },
        { key: "start", label: QT_TR_NOOP("出发日期"), type: "date" },
        { key: "end", label: QT_TR_NOOP("返回日期"), type: "date" },
        { key: "industries", label: QT_TR_NOOP("围绕主导产业"), type: "industries" },
        { key: "visits", label: QT_TR_NOOP("本次外出拜访的企业"), type: "tripVisits", optional: true },
        { key: "institutions", label: QT_TR_NOOP("拜访的机构"), type: "institutions", optional: true },
        { key: "summary", label: QT_TR_NOOP("外出招商情况小结"), type: "textarea" }
    ],
    "lead": [
        { key: "enterpriseName", label: QT_TR_NOOP("企业名称"), type: "text" },
        { key: "intention", label: QT_TR_NOOP("明确的投资意向"), type: "textarea" },
        { key: "expectedInvestment", label: QT_TR_NOOP("预计投资"), type: "money", currency: "CNY" },
        { key: "industry", label: QT_TR_NOOP("所属产业"), type: "industry", optional: true },
        { key: "filed", label: QT_TR_NOOP("报送日期"), type: "date" },
        { key: "source", label: QT_TR_NOOP("信息来源"), type: "text", optional: true }
    ],
    "project": [
        { key: "name", label: QT_TR_NOOP("项目名称"), type: "text" },
        { key: "enterprise", label: QT_TR_NOOP("投资企业"), type: "enterprise" },
        { key: "investment", label: QT_TR_NOOP("总投资"), type: "money", currency: "CNY" },
        { key: "industry", label: QT_TR_NOOP("所属产业"), type: "industry" },
        { key: "chemical", label: QT_TR_NOOP("化工项目"), type: "bool" },
        { key: "provincialLedger", label: QT_TR_NOOP("列入省台账"), type: "bool" },
        { key: "foreignFunded", label: QT_TR_NOOP("外资项目"), type: "bool" },
        { key: "upgradeTransfer", label: QT_TR_NOOP("转型升级/承接转移"), type: "bool" },
        { key: "talksSince", label: QT_TR_NOOP("洽谈开始日期"), type: "date" },
        { key: "notes", label: QT_TR_NOOP("备注"), type: "textarea", optional: true }
    ],
    "milestone": [
        { key: "stage", label: QT_TR_NOOP("节点"), type: "choice", choices: [
            { value: "signed", label: QT_TR_NOOP("签约（正式投资协议）") },
            { value: "landed", label: QT_TR_NOOP("落地（注册独立法人并完成税务登记）") },
            { value: "started", label: QT_TR_NOOP("开工（实质性开工建设）") }] },
        { key: "date", label: QT_TR_NOOP("日期"), type: "date" },
        { key: "legalEntityRegistered", label: QT_TR_NOOP("已在开发区注册独立核算法人企业"), type: "bool" },
        { key: "taxRegistered", label: QT_TR_NOOP("已完成税务登记"), type: "bool" },
        { key: "evidence", label: QT_TR_NOOP("证明材料（协议、执照、现场照片）"), type: "attachments" },
        { key: "notes", label: QT_TR_NOOP("备注"), type: "textarea", optional: true }
    ],
    "funds": [
        { key: "enterprise", label: QT_TR_NOOP("企业"), type: "enterprise" },
        { key: "fundsKind", label: QT_TR_NOOP("类别"), type: "choice", choices: [
            { value: "outside_province_rmb", label: QT_TR_NOOP("省（市）外资金（人民币）") },
            { value: "foreign_capital_usd", label: QT_TR_NOOP("外资资本金（美元）") },
            { value: "foreign_capital_increase_usd", label: QT_TR_NOOP("外资增资（美元）") }] },
        { key: "amount", label: QT_TR_NOOP("到位金额"), type: "money", currencyFrom: "fundsKind" },
        { key: "date", label: QT_TR_NOOP("到位日期"), type: "date" },
        { key: "payer", label: QT_TR_NOOP("付款方"), type: "text", optional: true },
        { key: "proof", label: QT_TR_NOOP("投资方书面证明材料"), type: "attachments" }
    ],
    "referral": [
        { key: "enterprise", label: QT_TR_NOOP("引荐的企业"), type: "enterprise" },
        { key: "date", label: QT_TR_NOOP("拜访日期"), type: "date" },
        { key: "direction", label: QT_TR_NOOP("方式"), type: "choice", choices: [
            { value: "enterprise_visited_zone", label: QT_TR_NOOP("企业来我区拜访") },
            { value: "zone_visited_enterprise", label: QT_TR_NOOP("邀请我区赴企业拜访") }] },
        { key: "leadingIndustry", label: QT_TR_NOOP("与主导产业相关联"), type: "bool" },
        { key: "foreign", label: QT_TR_NOOP("外资企业"), type: "bool" },
        { key: "notes", label: QT_TR_NOOP("说明"), type: "textarea", optional: true },
        { key: "evidence", label: QT_TR_NOOP("证明（照片、接待记录）"), type: "attachments", optional: true }
    ],
    // The unit's own kinds beyond the everyday records.
    "signing_event": [
        { key: "title", label: QT_TR_NOOP("签约活动名称"), type: "text" },
        { key: "date", label: QT_TR_NOOP("签约日期"), type: "date" },
        { key: "venue", label: QT_TR_NOOP("地点"), type: "text", optional: true },
        { key: "projects", label: QT_TR_NOOP("签约的项目"), type: "projects", optional: true },
        { key: "evidence", label: QT_TR_NOOP("证明材料（签约现场照片、协议）"), type: "attachments" }
    ],
    "map_completion": [
        { key: "date", label: QT_TR_NOOP("完成日期"), type: "date" },
        { key: "industries", label: QT_TR_NOOP("绘制招商图谱的产业"), type: "industries" },
        { key: "notes", label: QT_TR_NOOP("说明"), type: "textarea", optional: true },
        { key: "evidence", label: QT_TR_NOOP("招商图谱文件"), type: "attachments" }
    ],
    // Filed by the unit's staff for their unit, or entered by the bureau's reviewers for any unit.
    "headquarters": [
        { key: "credit", label: QT_TR_NOOP("申报单位"), type: "unit", reviewer: true },
        { key: "enterprise", label: QT_TR_NOOP("总部企业"), type: "enterprise" },
        { key: "type", label: QT_TR_NOOP("总部类型"), type: "choice", choices: [
            { value: "import_export", label: QT_TR_NOOP("进出口总部") },
            { value: "construction", label: QT_TR_NOOP("建筑业总部") },
            { value: "financial", label: QT_TR_NOOP("金融类总部") }] },
        { key: "agreementDate", label: QT_TR_NOOP("入区协议签订日期"), type: "date" },
        { key: "date", label: QT_TR_NOOP("申报日期"), type: "date" },
        { key: "businessRegistered", label: QT_TR_NOOP("已完成工商注册"), type: "bool" },
        { key: "taxRegistered", label: QT_TR_NOOP("已完成税务登记"), type: "bool" },
        { key: "importExport", label: QT_TR_NOOP("年度进出口额（元）"), type: "money", currency: "CNY" },
        { key: "annualOutput", label: QT_TR_NOOP("年产值（元）"), type: "money", currency: "CNY" },
        { key: "localFiscal", label: QT_TR_NOOP("地方财政贡献（元）"), type: "money", currency: "CNY" },
        { key: "registeredCapital", label: QT_TR_NOOP("注册资本（元）"), type: "money", currency: "CNY" },
        { key: "paidInCapital", label: QT_TR_NOOP("实缴资本（元）"), type: "money", currency: "CNY" },
        { key: "evidence", label: QT_TR_NOOP("证明材料（协议、执照、海关或税务证明）"), type: "attachments" }
    ],
    // Entered by the bureau's reviewers on the leading group's decision, for any unit.
    "award": [
        { key: "credit", label: QT_TR_NOOP("加分单位"), type: "unit" },
        { key: "category", label: QT_TR_NOOP("加分类别"), type: "choice", choices: [
            { value: "strategic_emerging_industry", label: QT_TR_NOOP("战略性新兴产业项目") },
            { value: "research_institution", label: QT_TR_NOOP("科研机构") },
            { value: "fortune500", label: QT_TR_NOOP("世界500强企业") },
            { value: "other", label: QT_TR_NOOP("其他") }] },
        { key: "points", label: QT_TR_NOOP("加分（分，如 1.5）"), type: "text" },
        { key: "reason", label: QT_TR_NOOP("加分理由（领导小组决定）"), type: "textarea" },
        { key: "date", label: QT_TR_NOOP("决定日期"), type: "date" },
        { key: "enterprise", label: QT_TR_NOOP("相关企业"), type: "enterprise", optional: true }
    ]
}
