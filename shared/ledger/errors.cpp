// The one table of error codes: each code's stable name and its Chinese text, marked for
// translation in the context "ledger"; and the functions that fill a text with an error's values.
#include "ledger/errors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <array>

namespace ledger {

namespace {

struct Entry
{
    ErrorCode code;
    const char *name;
    const char *text; // %1, %2, … are the error's args, in order
};

// In the order of ErrorCode; the static_assert below holds it to that.
constexpr std::array<Entry, ErrorCodeCount> Table{{
    {ErrorCode::Other, "other", nullptr},

    {ErrorCode::Missing, "missing", QT_TRANSLATE_NOOP("ledger", "必填")},
    // The same words as "missing": to the person at the form, a blank field is a field not filled in.
    {ErrorCode::Empty, "empty", QT_TRANSLATE_NOOP("ledger", "必填")},
    {ErrorCode::WrongType, "wrong_type", QT_TRANSLATE_NOOP("ledger", "类型不对：应为 %1，实际是 %2")},
    {ErrorCode::TooLong, "too_long", QT_TRANSLATE_NOOP("ledger", "太长：%1 个字，最多 %2 个字")},
    {ErrorCode::TooMany, "too_many", QT_TRANSLATE_NOOP("ledger", "太多：%1 项，最多 %2 项")},
    {ErrorCode::Negative, "negative", QT_TRANSLATE_NOOP("ledger", "不能为负数")},
    {ErrorCode::TooSmall, "too_small", QT_TRANSLATE_NOOP("ledger", "不能小于 %1")},
    {ErrorCode::OutOfRange, "out_of_range", QT_TRANSLATE_NOOP("ledger", "应在 %1 到 %2 之间，实际是 %3")},
    {ErrorCode::NotPositive, "not_positive", QT_TRANSLATE_NOOP("ledger", "须大于零")},
    {ErrorCode::NotFinite, "not_finite", QT_TRANSLATE_NOOP("ledger", "须为有限的数")},
    {ErrorCode::NotWhole, "not_whole", QT_TRANSLATE_NOOP("ledger", "须为整数")},
    {ErrorCode::NotADate, "not_a_date", QT_TRANSLATE_NOOP("ledger", "不是有效的日期（应为 年-月-日，如 2023-06-30）")},
    {ErrorCode::NotAnInstant, "not_an_instant",
     QT_TRANSLATE_NOOP("ledger", "不是有效的时刻（应为协调世界时，如 2023-06-30T08:00:00Z）")},
    {ErrorCode::NotAnId, "not_an_id",
     QT_TRANSLATE_NOOP("ledger", "不是有效的编号（应为小写的 UUID，如 3f2504e0-4f89-41d3-9a0c-0305e82c3301）")},
    {ErrorCode::NotAUnitCode, "not_a_unit_code", QT_TRANSLATE_NOOP("ledger", "不是有效的单位代码（2 到 8 位大写字母或数字）")},
    {ErrorCode::NotASha256, "not_a_sha256", QT_TRANSLATE_NOOP("ledger", "不是有效的 SHA-256（64 位小写十六进制字符）")},
    {ErrorCode::UnknownValue, "unknown_value", QT_TRANSLATE_NOOP("ledger", "未知的值“%1”，可选：%2")},
    {ErrorCode::UnknownKey, "unknown_key", QT_TRANSLATE_NOOP("ledger", "不认识的条件，可选：%1")},
    {ErrorCode::WrongCurrency, "wrong_currency", QT_TRANSLATE_NOOP("ledger", "币种应为 %1，实际是 %2")},
    {ErrorCode::BadAmount, "bad_amount", QT_TRANSLATE_NOOP("ledger", "金额格式不对：最多两位小数，如 1011.50")},
    {ErrorCode::BadPoints, "bad_points", QT_TRANSLATE_NOOP("ledger", "分值格式不对：最多四位小数，如 0.5")},
    {ErrorCode::UnsupportedVersion, "unsupported_version", QT_TRANSLATE_NOOP("ledger", "不支持的版本 %1，本程序读取版本 %2")},
    {ErrorCode::NoCheckInReason, "no_check_in_reason", QT_TRANSLATE_NOOP("ledger", "没有现场签到时须说明原因")},
    {ErrorCode::EndBeforeStart, "end_before_start", QT_TRANSLATE_NOOP("ledger", "不能早于开始日期（%1）")},
    {ErrorCode::NotJson, "not_json", QT_TRANSLATE_NOOP("ledger", "不是有效的 JSON（第 %1 个字节处：%2）")},
    {ErrorCode::Unreadable, "unreadable", QT_TRANSLATE_NOOP("ledger", "无法读取：%1")},
    {ErrorCode::ControlCharacter, "control_character", QT_TRANSLATE_NOOP("ledger", "含有不允许的控制字符 %1（位置 %2）")},
    {ErrorCode::TooDeep, "too_deep", QT_TRANSLATE_NOOP("ledger", "嵌套太深：最多 %1 层")},
    {ErrorCode::UnknownField, "unknown_field", QT_TRANSLATE_NOOP("ledger", "不认识的字段“%1”")},
    {ErrorCode::TooLarge, "too_large", QT_TRANSLATE_NOOP("ledger", "不能大于 %1")},
    {ErrorCode::SumOverflow, "sum_overflow", QT_TRANSLATE_NOOP("ledger", "合计超出了可计算的范围（%1），按最大值计")},

    {ErrorCode::CreditCodeLength, "credit_code_length",
     QT_TRANSLATE_NOOP("ledger", "统一社会信用代码有 %1 位，这里是 %2 位")},
    {ErrorCode::CreditCodeLowercase, "credit_code_lowercase",
     QT_TRANSLATE_NOOP("ledger", "第 %2 位的“%1”是小写字母，请写作“%3”")},
    {ErrorCode::CreditCodeLowercaseUnused, "credit_code_lowercase_unused",
     QT_TRANSLATE_NOOP("ledger", "第 %2 位的“%1”是小写字母，而且字母 I、O、Z、S、V 从不使用")},
    {ErrorCode::CreditCodeUnusedLetter, "credit_code_unused_letter",
     QT_TRANSLATE_NOOP("ledger", "第 %2 位的“%1”不允许：统一社会信用代码从不使用字母 I、O、Z、S、V")},
    {ErrorCode::CreditCodeFullWidth, "credit_code_full_width",
     QT_TRANSLATE_NOOP("ledger", "第 %2 位的“%1”是全角字符，请把输入法切换到半角")},
    {ErrorCode::CreditCodeSpace, "credit_code_space", QT_TRANSLATE_NOOP("ledger", "第 %1 位是空格，统一社会信用代码中不能有空格")},
    {ErrorCode::CreditCodeCharacter, "credit_code_character",
     QT_TRANSLATE_NOOP("ledger", "第 %2 位的“%1”不允许：只能使用数字 0-9 和大写字母 ABCDEFGHJKLMNPQRTUWXY")},
    {ErrorCode::CreditCodeCheck, "credit_code_check",
     QT_TRANSLATE_NOOP("ledger", "校验位（第 18 位）不对：应为 %1，实际是 %2（可能有字符输错）")},

    {ErrorCode::Duplicate, "duplicate", QT_TRANSLATE_NOOP("ledger", "“%1”重复出现")},
    {ErrorCode::EmptyList, "empty_list", QT_TRANSLATE_NOOP("ledger", "至少要有一项")},
    {ErrorCode::AlreadyInGroup, "already_in_group", QT_TRANSLATE_NOOP("ledger", "单位“%1”已在 %2 中")},
    {ErrorCode::InNoGroup, "in_no_group", QT_TRANSLATE_NOOP("ledger", "单位“%1”不在任何组中")},
    {ErrorCode::ImplausibleYear, "implausible_year", QT_TRANSLATE_NOOP("ledger", "%1 不是合理的年份")},
    {ErrorCode::OfWhichNotAllowed, "of_which_not_allowed",
     QT_TRANSLATE_NOOP("ledger", "只有项目节点数或投资额的指标才能带“其中”条件")},
    {ErrorCode::TripsLeadingOnly, "trips_leading_only", QT_TRANSLATE_NOOP("ledger", "外出招商的指标只能带“主导产业”这一个条件")},
    {ErrorCode::TakesNoConditions, "takes_no_conditions", QT_TRANSLATE_NOOP("ledger", "“%1”的指标不能带条件")},
    {ErrorCode::OfWhichPairing, "of_which_pairing", QT_TRANSLATE_NOOP("ledger", "“其中”条件和它的目标须同时给出")},
    {ErrorCode::OfWhichOverTarget, "of_which_over_target", QT_TRANSLATE_NOOP("ledger", "大于总目标")},
    {ErrorCode::UnknownZoneTarget, "unknown_zone_target", QT_TRANSLATE_NOOP("ledger", "未知的全区目标“%1”")},
    {ErrorCode::ZoneTargetMismatch, "zone_target_mismatch", QT_TRANSLATE_NOOP("ledger", "任务计量的内容与全区目标“%1”不同")},
    {ErrorCode::PointsSum, "points_sum", QT_TRANSLATE_NOOP("ledger", "各任务分值合计 %1，不等于组的总分 %2")},
    {ErrorCode::TargetsSum, "targets_sum", QT_TRANSLATE_NOOP("ledger", "各组“%1”的目标合计 %2，不等于全区的 %3")},
    {ErrorCode::OfWhichTargetsSum, "of_which_targets_sum",
     QT_TRANSLATE_NOOP("ledger", "各组“%1”的“其中”目标合计 %2，不等于全区的 %3")},

    {ErrorCode::VisitNoEnterprise, "visit_no_enterprise", QT_TRANSLATE_NOOP("ledger", "未选择拜访的企业")},
    {ErrorCode::VisitNoDate, "visit_no_date", QT_TRANSLATE_NOOP("ledger", "缺少拜访日期")},
    {ErrorCode::VisitNoOutcome, "visit_no_outcome", QT_TRANSLATE_NOOP("ledger", "未填写拜访成果")},
    {ErrorCode::VisitNoCheckIn, "visit_no_check_in", QT_TRANSLATE_NOOP("ledger", "既没有现场定位签到，也没有说明无法签到的原因")},
    {ErrorCode::TripNoDestination, "trip_no_destination", QT_TRANSLATE_NOOP("ledger", "未填写外出招商目的地")},
    {ErrorCode::TripDates, "trip_dates", QT_TRANSLATE_NOOP("ledger", "出发和返回日期不完整或顺序不对")},
    {ErrorCode::TripNoMembers, "trip_no_members", QT_TRANSLATE_NOOP("ledger", "未填写外出人员")},
    {ErrorCode::TripNotLeading, "trip_not_leading", QT_TRANSLATE_NOOP("ledger", "外出招商须围绕主导产业开展，未选择主导产业")},
    {ErrorCode::TripNoSummary, "trip_no_summary", QT_TRANSLATE_NOOP("ledger", "未提交外出招商情况小结")},
    {ErrorCode::LeadNoName, "lead_no_name", QT_TRANSLATE_NOOP("ledger", "未填写企业名称")},
    {ErrorCode::LeadNoIntention, "lead_no_intention", QT_TRANSLATE_NOOP("ledger", "没有明确的投资意向，不属于有价值的招商引资信息")},
    {ErrorCode::LeadNoFiledDate, "lead_no_filed_date", QT_TRANSLATE_NOOP("ledger", "缺少报送日期")},
    {ErrorCode::ProjectNoEnterprise, "project_no_enterprise", QT_TRANSLATE_NOOP("ledger", "未选择投资企业")},
    {ErrorCode::ProjectNoName, "project_no_name", QT_TRANSLATE_NOOP("ledger", "未填写项目名称")},
    {ErrorCode::ProjectNoInvestment, "project_no_investment", QT_TRANSLATE_NOOP("ledger", "未填写投资额")},
    {ErrorCode::MilestoneNoProject, "milestone_no_project", QT_TRANSLATE_NOOP("ledger", "所属项目不在台账中")},
    {ErrorCode::ProjectRevoked, "project_revoked", QT_TRANSLATE_NOOP("ledger", "所属项目已被认定为虚假：%1")},
    {ErrorCode::SignedNoDate, "signed_no_date", QT_TRANSLATE_NOOP("ledger", "缺少签约日期")},
    {ErrorCode::LandedNoDate, "landed_no_date", QT_TRANSLATE_NOOP("ledger", "缺少落地日期")},
    {ErrorCode::StartedNoDate, "started_no_date", QT_TRANSLATE_NOOP("ledger", "缺少开工日期")},
    {ErrorCode::SignedNoAgreement, "signed_no_agreement", QT_TRANSLATE_NOOP("ledger", "签约项目须上传正式投资协议")},
    {ErrorCode::LandedNoLegalEntity, "landed_no_legal_entity", QT_TRANSLATE_NOOP("ledger", "落地项目须在开发区注册为独立核算法人企业")},
    {ErrorCode::LandedNoTax, "landed_no_tax", QT_TRANSLATE_NOOP("ledger", "落地项目须完成税务登记")},
    {ErrorCode::LandedNoEvidence, "landed_no_evidence", QT_TRANSLATE_NOOP("ledger", "落地项目须上传营业执照和税务登记证明")},
    {ErrorCode::StartedNoEvidence, "started_no_evidence",
     QT_TRANSLATE_NOOP("ledger", "开工项目须上传实质性开工建设的证明（现场照片或施工许可）")},
    {ErrorCode::FundsNotPositive, "funds_not_positive", QT_TRANSLATE_NOOP("ledger", "到位金额须大于零")},
    {ErrorCode::FundsNoDate, "funds_no_date", QT_TRANSLATE_NOOP("ledger", "缺少到位日期")},
    {ErrorCode::FundsNoProof, "funds_no_proof", QT_TRANSLATE_NOOP("ledger", "须有投资方提供的书面证明材料")},
    {ErrorCode::ReferralNotEligible, "referral_not_eligible", QT_TRANSLATE_NOOP("ledger", "引荐的企业须与主导产业相关联或为外资企业")},
    {ErrorCode::ReferralNoEvidence, "referral_no_evidence", QT_TRANSLATE_NOOP("ledger", "须说明或附上拜访的证明（照片、接待记录）")},
    {ErrorCode::HqNoAgreement, "hq_no_agreement", QT_TRANSLATE_NOOP("ledger", "须签订入区协议")},
    {ErrorCode::HqNotBusinessRegistered, "hq_not_business_registered", QT_TRANSLATE_NOOP("ledger", "须完成工商注册")},
    {ErrorCode::HqNotTaxRegistered, "hq_not_tax_registered", QT_TRANSLATE_NOOP("ledger", "须完成税务注册")},
    {ErrorCode::HqImportExportShort, "hq_import_export_short",
     QT_TRANSLATE_NOOP("ledger", "进出口企业总部：当年海关反馈进出口额 %1 未达到 %2")},
    {ErrorCode::HqOutputShort, "hq_output_short", QT_TRANSLATE_NOOP("ledger", "建筑企业总部：年产值 %1 未达到 %2")},
    {ErrorCode::HqFiscalShort, "hq_fiscal_short", QT_TRANSLATE_NOOP("ledger", "建筑企业总部：年度财政贡献地方留存 %1 未达到 %2")},
    {ErrorCode::HqRegisteredCapitalShort, "hq_registered_capital_short",
     QT_TRANSLATE_NOOP("ledger", "金融法人机构或总部：注册资金 %1 未达到 %2")},
    {ErrorCode::HqPaidInShort, "hq_paid_in_short", QT_TRANSLATE_NOOP("ledger", "金融法人机构或总部：实际到位注册资金 %1 未达到 %2")},
    {ErrorCode::HqNoEvidence, "hq_no_evidence", QT_TRANSLATE_NOOP("ledger", "须上传协议、注册和数额的证明材料")},
    {ErrorCode::AwardNotPositive, "award_not_positive", QT_TRANSLATE_NOOP("ledger", "加分须大于零")},
    {ErrorCode::AwardNoReason, "award_no_reason", QT_TRANSLATE_NOOP("ledger", "领导小组加分须写明理由")},
    {ErrorCode::EventNoTitle, "event_no_title", QT_TRANSLATE_NOOP("ledger", "未填写签约活动名称")},
    {ErrorCode::EventNoEvidence, "event_no_evidence", QT_TRANSLATE_NOOP("ledger", "须上传签约活动的证明（照片、通稿）")},
    {ErrorCode::MapNoIndustries, "map_no_industries", QT_TRANSLATE_NOOP("ledger", "未列出图谱覆盖的主导产业")},
    {ErrorCode::MapNoEvidence, "map_no_evidence", QT_TRANSLATE_NOOP("ledger", "须上传招商图谱")},

    {ErrorCode::AwaitingReview, "awaiting_review", QT_TRANSLATE_NOOP("ledger", "待招商服务局认定")},
    {ErrorCode::Returned, "returned", QT_TRANSLATE_NOOP("ledger", "已退回，待修改后重新提交：%1")},
    {ErrorCode::Revoked, "revoked", QT_TRANSLATE_NOOP("ledger", "已认定为虚假信息，分值取消，单位和个人取消评先资格：%1")},
    {ErrorCode::OutsideYear, "outside_year", QT_TRANSLATE_NOOP("ledger", "发生在%1年，不计入%2年考核")},
    {ErrorCode::ProjectNotScored, "project_not_scored",
     QT_TRANSLATE_NOOP("ledger", "在谈项目本身不计分；签约、落地、开工各节点认定后计分")},
    {ErrorCode::VisitNotScored, "visit_not_scored",
     QT_TRANSLATE_NOOP("ledger", "企业拜访本身不计分；拜访国家级机构、投资机构、知名企业家、行业协会计入遍访任务，引荐拜访计入加分")},
    {ErrorCode::DuplicateClaimUndecided, "duplicate_claim_undecided",
     QT_TRANSLATE_NOOP("ledger", "重复申报，待认定：%1已先行备案%2，认定前不计分")},
    {ErrorCode::DuplicateClaimKept, "duplicate_claim_kept", QT_TRANSLATE_NOOP("ledger", "重复申报，经认定功劳归先行备案的%1：%2")},
    {ErrorCode::CreditMoved, "credit_moved", QT_TRANSLATE_NOOP("ledger", "经认定，功劳移交%1：%2")},

    {ErrorCode::FarFromSite, "far_from_site", QT_TRANSLATE_NOOP("ledger", "距企业注册地址超过%1米")},
    {ErrorCode::MockLocation, "mock_location", QT_TRANSLATE_NOOP("ledger", "手机报告为模拟位置（疑似虚拟定位）")},
    {ErrorCode::RepeatedCoordinates, "repeated_coordinates",
     QT_TRANSLATE_NOOP("ledger", "坐标与本人此前某次签到完全相同，真实定位不会精确重复")},
    {ErrorCode::ImpossibleSpeed, "impossible_speed", QT_TRANSLATE_NOOP("ledger", "与本人上一次签到相比，移动速度超过每小时%1公里")},
    {ErrorCode::InaccurateFix, "inaccurate_fix", QT_TRANSLATE_NOOP("ledger", "定位误差大于%1米或未知，由本人确认后提交")},
    {ErrorCode::NoSiteLocation, "no_site_location", QT_TRANSLATE_NOOP("ledger", "企业没有登记注册地址坐标，无法核对签到距离")},

    {ErrorCode::UnitNotInScheme, "unit_not_in_scheme", QT_TRANSLATE_NOOP("ledger", "单位“%1”不在考核方案 %2 中，其记录不计分")},
    {ErrorCode::PeriodOutsideScheme, "period_outside_scheme",
     QT_TRANSLATE_NOOP("ledger", "考核方案 %1 考核 %2 年的第 1 至 4 季度，不含 %3 年第 %4 季度")},
    {ErrorCode::ReviewNotReviewer, "review_not_reviewer", QT_TRANSLATE_NOOP("ledger", "只有招商服务局的审核人员可以认定、退回或认定虚假")},
    {ErrorCode::ReviewNotEditor, "review_not_editor", QT_TRANSLATE_NOOP("ledger", "只有记录的填报人或本单位联络员可以修改这条记录")},
    {ErrorCode::ReviewReasonNeeded, "review_reason_needed", QT_TRANSLATE_NOOP("ledger", "%1须写明理由")},
    {ErrorCode::ReviewWrongState, "review_wrong_state", QT_TRANSLATE_NOOP("ledger", "记录处于“%1”状态，不能%2；只有“%3”状态的记录可以")},
    {ErrorCode::ShareNegative, "share_negative", QT_TRANSLATE_NOOP("ledger", "%1 的分配份额为负数，按默认份额分配")},
    {ErrorCode::ShareNotOfUnit, "share_not_of_unit", QT_TRANSLATE_NOOP("ledger", "%1 不是单位 %2 的人员，按默认份额分配")},
    {ErrorCode::SharesOverPool, "shares_over_pool", QT_TRANSLATE_NOOP("ledger", "分配份额合计 %1，超过了个人分值池 %2，按默认份额分配")},

    {ErrorCode::RoleRequired, "role_required", QT_TRANSLATE_NOOP("ledger", "需要以下角色之一：%1")},
    {ErrorCode::NotAllowed, "not_allowed", QT_TRANSLATE_NOOP("ledger", "无权进行此操作")},
    {ErrorCode::NoSuchRecord, "no_such_record", QT_TRANSLATE_NOOP("ledger", "没有这条记录，或无权查看")},
    {ErrorCode::NotAWriter, "not_a_writer", QT_TRANSLATE_NOOP("ledger", "只有各单位的工作人员可以填报记录")},
    {ErrorCode::OtherUnitRecord, "other_unit_record", QT_TRANSLATE_NOOP("ledger", "只能填报本单位（%1）的记录")},
    {ErrorCode::AwardByReviewer, "award_by_reviewer", QT_TRANSLATE_NOOP("ledger", "自由裁量加分由招商服务局的审核人员录入")},
    {ErrorCode::EnterpriseNotEditor, "enterprise_not_editor",
     QT_TRANSLATE_NOOP("ledger", "只有添加这家企业的单位或招商服务局可以修改或删除它")},
    {ErrorCode::ReviewOwnRecord, "review_own_record", QT_TRANSLATE_NOOP("ledger", "不能认定、退回或认定虚假本人填报或署名的记录")},
    {ErrorCode::NotADuplicateClaim, "not_a_duplicate_claim", QT_TRANSLATE_NOOP("ledger", "这条记录不是重复申报")},
    {ErrorCode::ClaimDecisionNeeded, "claim_decision_needed", QT_TRANSLATE_NOOP("ledger", "须选择认定结果：%1")},
    {ErrorCode::ClaimShareJointOnly, "claim_share_joint_only", QT_TRANSLATE_NOOP("ledger", "联合认定须给出份额，其他认定结果不带份额")},
    {ErrorCode::ClaimShareRange, "claim_share_range", QT_TRANSLATE_NOOP("ledger", "份额应大于 0 且小于 1（如 0.4），实际是 %1")},
    {ErrorCode::ClaimSharesOver, "claim_shares_over", QT_TRANSLATE_NOOP("ledger", "各联合认定的份额合计 %1，先行备案的单位须保留一部分")},
    {ErrorCode::ClaimCreditMoved, "claim_credit_moved", QT_TRANSLATE_NOOP("ledger", "功劳已移交给另一条重复申报，须先改回")},
    {ErrorCode::ClaimJointHeld, "claim_joint_held", QT_TRANSLATE_NOOP("ledger", "功劳已与其他重复申报联合认定，不能整体移交")},
    {ErrorCode::MeetingDateNeeded, "meeting_date_needed", QT_TRANSLATE_NOOP("ledger", "领导小组认定须写明会议日期")},
    {ErrorCode::MeetingDateFuture, "meeting_date_future", QT_TRANSLATE_NOOP("ledger", "会议日期 %1 还没有到")},
    {ErrorCode::LeadingGroupStageOnly, "leading_group_stage_only",
     QT_TRANSLATE_NOOP("ledger", "领导小组认定只适用于项目节点（签约、落地、开工）")},
    {ErrorCode::ReviewNotLeader, "review_not_leader", QT_TRANSLATE_NOOP("ledger", "领导小组认定由区招商引资工作领导小组的领导作出")},
    {ErrorCode::NoSuchFile, "no_such_file", QT_TRANSLATE_NOOP("ledger", "没有这个文件，或无权查看")},
    {ErrorCode::SignInRefused, "sign_in_refused", QT_TRANSLATE_NOOP("ledger", "登录名或密码不对，或账号已停用")},
    {ErrorCode::SignInThrottled, "sign_in_throttled", QT_TRANSLATE_NOOP("ledger", "登录失败次数过多，请 %1 秒后再试")},
    {ErrorCode::CurrentPasswordWrong, "current_password_wrong", QT_TRANSLATE_NOOP("ledger", "当前密码不对")},
    {ErrorCode::PasswordLength, "password_length", QT_TRANSLATE_NOOP("ledger", "密码应为 %1 到 %2 个字符")},

    {ErrorCode::UpsertWithoutEntity, "upsert_without_entity", QT_TRANSLATE_NOOP("ledger", "新增或修改须附带记录的内容")},
    {ErrorCode::DeleteWithoutId, "delete_without_id", QT_TRANSLATE_NOOP("ledger", "删除须给出记录的编号")},
    {ErrorCode::SkippedWithoutOriginal, "skipped_without_original",
     QT_TRANSLATE_NOOP("ledger", "跳过的变更须注明第一次的处理结果（applied 或 rejected）")},
    {ErrorCode::RejectedWithoutReason, "rejected_without_reason", QT_TRANSLATE_NOOP("ledger", "被拒收的变更须说明原因")},
    {ErrorCode::AppliedWithoutId, "applied_without_id", QT_TRANSLATE_NOOP("ledger", "已接收的变更须给出记录的编号")},
    {ErrorCode::CountOverResults, "count_over_results", QT_TRANSLATE_NOOP("ledger", "计数为 %1，多于列出的 %2 条结果")},
}};

constexpr bool inOrder()
{
    for (int i = 0; i < ErrorCodeCount; ++i) {
        if (int(Table[size_t(i)].code) != i)
            return false;
    }
    return true;
}
static_assert(inOrder(), "the table lists every ErrorCode once, in the enum's order");

[[nodiscard]] const Entry &entry(ErrorCode code) { return Table[size_t(code)]; }

// Fills %1 … %9 in one pass, so that a value which itself holds "%1" is not filled again.
[[nodiscard]] QString fill(const QString &text, const QStringList &args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1) >= u'1' && text.at(i + 1) <= u'9') {
            const qsizetype n = text.at(i + 1).unicode() - u'1';
            if (n < args.size()) {
                out += args.at(n);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace

FieldError::FieldError(QString field, QString detail) : field(std::move(field)), message(std::move(detail)) {}

FieldError::FieldError(QString field, ErrorCode code, QStringList args)
    : field(std::move(field)), code(code), args(std::move(args))
{
    message = ledger::message(*this);
}

QString FieldError::toString() const
{
    QString what = message;
    if (code != ErrorCode::Other) {
        what = codeName(code);
        if (!args.isEmpty())
            what += QStringLiteral("(") + args.join(QStringLiteral(", ")) + QStringLiteral(")");
    }
    return field.isEmpty() ? what : field + QStringLiteral(": ") + what;
}

QString codeName(ErrorCode code) { return QString::fromLatin1(entry(code).name); }

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const Entry &e : Table) {
        if (name == QLatin1StringView(e.name))
            return e.code;
    }
    return std::nullopt;
}

const char *sourceText(ErrorCode code) { return entry(code).text; }

int argCount(ErrorCode code)
{
    const char *text = entry(code).text;
    int highest = 0;
    for (const char *p = text; p && *p; ++p) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
            highest = std::max(highest, p[1] - '0');
    }
    return highest;
}

QString message(const FieldError &error, const Translate &translate)
{
    const char *text = sourceText(error.code);
    if (!text)
        return error.message;
    return fill(translate ? translate(text) : QString::fromUtf8(text), error.args);
}

QJsonObject toJson(const FieldError &error)
{
    QJsonObject out{{QStringLiteral("code"), codeName(error.code)}, {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        out.insert(QStringLiteral("field"), error.field);
    if (!error.args.isEmpty())
        out.insert(QStringLiteral("args"), QJsonArray::fromStringList(error.args));
    return out;
}

FieldError fieldErrorFromJson(const QJsonObject &json)
{
    const QString field = json.value(QStringLiteral("field")).toString();
    const auto code = errorCodeFromName(json.value(QStringLiteral("code")).toString());
    if (!code || *code == ErrorCode::Other)
        return FieldError(field, json.value(QStringLiteral("message")).toString());
    QStringList args;
    for (const QJsonValue &a : json.value(QStringLiteral("args")).toArray())
        args << a.toString();
    return FieldError(field, *code, args);
}

} // namespace ledger
