// The demo year's fixed tables: its people, places, enterprises, projects, funds, referrals,
// trips, institutions, the evidence of each milestone, and the words its records are written in.
// They decide what happens in the year; the generator (demoyear.h) only fills in the everyday.
#pragma once

#include "ledger/entities.h"

#include <QStringView>
#include <QUuid>

namespace syncserver::demo {

using namespace ledger; // private to the demo generator's files

// Every id is a UUIDv5 of a readable name ("person/PGO/郭威", "visit/0042") in this namespace.
inline constexpr QUuid DemoNamespace(0x3d1c7a52, 0x8f0e, 0x5b6a, 0x9c, 0x41, 0x2e, 0x7d, 0x60, 0xa8, 0x13, 0xf5);

inline constexpr GeoPoint ZoneCentre{35.2647, 113.9268}; // the Management Committee
inline constexpr double MaxSiteRadiusM = 9500;           // enterprises' sites lie within ~10 km of it

inline constexpr QStringView Bureau = u"ISB"; // its people review and recognise records

// ---- people -------------------------------------------------------------------------------------

// The units' people besides their heads, who come from the scheme. `role` is the one role each has
// besides being staff (Role::Staff: none); the leader of the leading group is not field staff.
struct StaffRow
{
    QStringView unit;
    QStringView name;
    Role role;
};

inline constexpr StaffRow StaffTable[] = {
    {u"PGO", u"孙丽", Role::UnitContact},  {u"PGO", u"陈晓东", Role::Staff},     {u"PGO", u"张慧敏", Role::Staff},
    {u"PGO", u"刘洋", Role::Supervisor},   {u"PGO", u"王明辉", Role::Leader},
    {u"EDS", u"周敏", Role::UnitContact},  {u"EDS", u"李建国", Role::Staff},     {u"EDS", u"高雅琪", Role::Staff},
    {u"EDS", u"马超", Role::Staff},
    {u"ISB", u"张帆", Role::UnitContact},  {u"ISB", u"杜晓婷", Role::Staff},     {u"ISB", u"韩磊", Role::Admin},
    {u"ISB", u"宋佳", Role::Staff},        {u"ISB", u"崔志强", Role::Staff},     {u"ISB", u"杨柳", Role::Staff},
    {u"FIN", u"吴倩", Role::UnitContact},  {u"FIN", u"黄振华", Role::Staff},     {u"FIN", u"许静", Role::Staff},
    {u"PLC", u"郑凯", Role::UnitContact},  {u"PLC", u"朱丽娟", Role::Staff},     {u"PLC", u"胡晓峰", Role::Staff},
    {u"PLC", u"林涛", Role::Staff},        {u"PLC", u"孟凡超", Role::Staff},
    {u"EEE", u"冯雪", Role::UnitContact},  {u"EEE", u"袁博", Role::Staff},       {u"EEE", u"田甜", Role::Staff},
};

// ---- places and enterprises ---------------------------------------------------------------------

struct Place
{
    QStringView city;
    QStringView district;
    QStringView division; // administrative division code, positions 3-8 of a credit code
    GeoPoint centre;
};

inline constexpr Place Xinxiang{u"新乡", u"新乡经济开发区", u"410700", ZoneCentre};
inline constexpr Place Elsewhere[] = {
    {u"郑州", u"金水区", u"410105", {34.7466, 113.6253}},   {u"上海", u"浦东新区", u"310115", {31.2304, 121.4737}},
    {u"苏州", u"工业园区", u"320571", {31.2990, 120.5853}}, {u"杭州", u"滨江区", u"330108", {30.2084, 120.2120}},
    {u"深圳", u"南山区", u"440305", {22.5333, 113.9304}},   {u"东莞", u"松山湖", u"441900", {22.9200, 113.8800}},
    {u"北京", u"海淀区", u"110108", {39.9593, 116.2981}},   {u"天津", u"滨海新区", u"120116", {39.0032, 117.7100}},
    {u"济南", u"高新区", u"370100", {36.6512, 117.1201}},   {u"武汉", u"东湖高新区", u"420100", {30.4800, 114.4100}},
    {u"南京", u"江宁区", u"320115", {31.9530, 118.8400}},
};

inline constexpr QStringView ZoneRoads[] = {u"新长北线", u"经八路", u"纬七路", u"新东大道", u"金穗大道",
                                     u"经十二路", u"纬五路", u"创业路", u"科技大道", u"兴业路"};

// Trade names (字号), each used once among the enterprises.
inline constexpr QStringView Brands[] = {
    u"恒泰", u"瑞丰", u"华信", u"金鼎", u"博远", u"天成", u"宏达", u"安泰", u"鑫源", u"永盛", u"德润", u"嘉和",
    u"佳禾", u"百川", u"正和", u"新科", u"卓越", u"凯盛", u"远航", u"华盛", u"盛通", u"汇通", u"丰源", u"诚达",
    u"明泰", u"润通", u"三元", u"富源", u"利民", u"昌盛", u"万通", u"瑞泰", u"豫新", u"牧野", u"太行", u"中原",
    u"豫北", u"黄河", u"同力", u"华瑞", u"兴达", u"信达", u"正阳", u"晨光", u"天利", u"鼎新", u"顺达", u"美瑞",
    u"海纳", u"康源", u"圣元", u"盛华", u"金瑞", u"森源", u"蓝天", u"众诚", u"亿达", u"和顺", u"长青", u"宝丰",
    u"汉威", u"辰宇", u"龙腾", u"新阳", u"益康", u"凯利", u"金泰", u"合众", u"天润", u"瀚海", u"东升", u"九州",
    u"鸿运", u"泰和", u"宏远", u"瑞达", u"金桥", u"开元", u"国瑞", u"博瑞", u"恒通", u"佳美", u"联创", u"思源",
    u"星火", u"立达", u"和泰", u"中泰", u"丰华", u"正泰", u"凯达", u"德信", u"华阳", u"裕丰", u"恒力", u"永安",
    u"新宇", u"奥瑞", u"通达", u"宏图", u"锦程", u"同创", u"华冠", u"金海",
};

// How enterprises of an industry are named and what they would build; `weight` is how common the
// industry is among the zone's enterprises, `minimumLocal` how many it has at least (the projects
// below need them).
struct IndustryFlavour
{
    QStringView key;
    int weight;
    int minimumLocal;
    QStringView words[3];
    QStringView products[3];
};

inline constexpr IndustryFlavour Flavours[] = {
    {u"fine_chemicals", 30, 10, {u"精细化工", u"化学", u"化工科技"}, {u"高端精细化学品", u"电子化学品", u"医药中间体"}},
    {u"intelligent_manufacturing", 18, 4, {u"智能科技", u"自动化", u"机器人"}, {u"工业机器人", u"智能传感器", u"数控系统"}},
    {u"equipment_manufacturing", 18, 6, {u"重工", u"机械", u"装备"}, {u"起重装备", u"农机装备", u"专用车辆"}},
    {u"functional_food", 14, 4, {u"食品", u"生物科技", u"营养科技"}, {u"功能性配料", u"益生菌制剂", u"特医食品"}},
    {u"new_energy", 6, 2, {u"新能源", u"储能科技", u"电池"}, {u"锂电池材料", u"储能系统", u"氢能装备"}},
    {u"new_materials", 5, 2, {u"新材料", u"材料科技", u"高分子"}, {u"高性能纤维", u"特种树脂", u"石墨烯材料"}},
    {u"new_medicine", 5, 1, {u"药业", u"医疗器械", u"生物医药"}, {u"原料药", u"医用耗材", u"体外诊断试剂"}},
    {u"electronic_information", 4, 1, {u"电子", u"微电子", u"信息技术"}, {u"电子元器件", u"显示模组", u"智能终端"}},
};

// Foreign-invested enterprises, with the foreign parent that pays in their capital.
struct ForeignRow
{
    QStringView name;
    QStringView industry;
    QStringView city; // 新乡: in the zone
    QStringView parent;
    bool fortune500;
};

inline constexpr ForeignRow ForeignEnterprises[] = {
    {u"卡森精细化学（新乡）有限公司", u"fine_chemicals", u"新乡", u"Carson Chemie GmbH", true},
    {u"诺德营养配料（新乡）有限公司", u"functional_food", u"新乡", u"Nordic Nutrition Holdings Pte. Ltd.", false},
    {u"克劳斯传动技术（新乡）有限公司", u"intelligent_manufacturing", u"新乡", u"Krauss Antriebstechnik AG", false},
    {u"韩一电子材料（新乡）有限公司", u"electronic_information", u"新乡", u"Hanil Electronic Materials Co., Ltd.", false},
    {u"大和精工机械（苏州）有限公司", u"equipment_manufacturing", u"苏州", u"Daiwa Seiko Kikai K.K.", false},
    {u"莱茵智能装备（中国）有限公司", u"intelligent_manufacturing", u"上海", u"Rhein Smart Equipment SE", true},
    {u"丰泰食品配料（中国）有限公司", u"functional_food", u"上海", u"Fengtai Food Ingredients Pte. Ltd.", false},
};

// ---- what happens in the year -------------------------------------------------------------------

// A day of the scheme's year (or of a year before it).
struct Day
{
    int month = 0; // 0: not set
    int day = 0;
    int yearOffset = 0;
};

enum ProjectFlag : unsigned { Chemical = 1, Provincial = 2, Foreign = 4, Upgrade = 8 };

// What became of a project's last milestone, or of a funds arrival.
enum class Ending { Recognised, Waiting, Returned, Revoked };

struct ProjectRow
{
    QStringView unit;
    QStringView name;
    QStringView industry;
    qint64 yuan;
    unsigned flags;
    Day talks, signedOn, landed, started;
    Ending ending = Ending::Recognised;
};

// The year's projects. ISB's meet its 50亿, chemical ≥10亿, foreign and ≥5亿 tasks, two of three
// landed chemical projects (the third waits), one of two new foreign enterprises; G1 signs its
// ≥5亿 and starts two of three upgrades; G2 one of three; EEE all three, but its ≥5亿 signing is
// revoked as false.
inline constexpr ProjectRow Projects[] = {
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", u"fine_chemicals", 5'000'000'000, Chemical | Provincial,
     {11, 15, -1}, {6, 28}, {9, 20}, {11, 18}},
    {u"ISB", u"年产5万吨电子化学品项目", u"fine_chemicals", 1'200'000'000, Chemical, {2, 10}, {9, 15}, {11, 20}, {}},
    {u"ISB", u"高性能工程塑料改性材料项目", u"fine_chemicals", 650'000'000, Chemical, {3, 1}, {7, 12}, {12, 14}, {}, Ending::Waiting},
    {u"ISB", u"功能性食品配料生产基地项目", u"functional_food", 300'000'000, Foreign | Provincial, {12, 5, -1}, {3, 10}, {8, 22}, {}},
    {u"ISB", u"精密减速器生产基地项目", u"intelligent_manufacturing", 180'000'000, Foreign, {4, 6}, {8, 30}, {12, 5}, {}, Ending::Waiting},
    {u"ISB", u"智能物流装备产业园项目", u"intelligent_manufacturing", 800'000'000, Provincial, {2, 20}, {6, 28}, {}, {}},
    {u"ISB", u"催化剂生产线智能化改造项目", u"fine_chemicals", 150'000'000, Upgrade, {1, 9}, {2, 20}, {}, {5, 16}},
    {u"ISB", u"锂电池正极材料项目", u"new_energy", 2'000'000'000, 0, {10, 10}, {}, {}, {}},
    {u"PGO", u"医药中间体项目", u"fine_chemicals", 600'000'000, Chemical, {1, 15}, {5, 20}, {}, {}},
    {u"PGO", u"冷链功能食品加工项目", u"functional_food", 250'000'000, 0, {4, 3}, {8, 8}, {11, 28}, {}, Ending::Returned},
    {u"PLC", u"起重装备数字化车间改造项目", u"equipment_manufacturing", 220'000'000, Upgrade, {1, 5}, {3, 15}, {}, {8, 1}},
    {u"PLC", u"电机生产线转型升级项目", u"equipment_manufacturing", 160'000'000, Upgrade, {3, 20}, {6, 10}, {}, {11, 15}},
    {u"PLC", u"装配式建筑部品部件项目", u"equipment_manufacturing", 400'000'000, 0, {11, 2}, {}, {}, {}},
    {u"EDS", u"智能装备产业园项目", u"intelligent_manufacturing", 520'000'000, 0, {5, 16}, {11, 2}, {}, {}},
    {u"EDS", u"农机装备承接转移项目", u"equipment_manufacturing", 120'000'000, Upgrade, {2, 14}, {4, 18}, {}, {9, 26}},
    {u"FIN", u"烘焙食品智能工厂项目", u"functional_food", 110'000'000, Upgrade, {3, 8}, {7, 5}, {}, {12, 12}, Ending::Waiting},
    {u"FIN", u"新型储能电站项目", u"new_energy", 350'000'000, 0, {9, 1}, {}, {}, {}},
    {u"EEE", u"VOCs治理技术改造项目", u"fine_chemicals", 150'000'000, Upgrade, {10, 12, -1}, {1, 16}, {}, {2, 27}},
    {u"EEE", u"化工园区污水处理提标改造项目", u"fine_chemicals", 130'000'000, Upgrade, {1, 3}, {3, 29}, {}, {5, 23}},
    {u"EEE", u"废催化剂资源化利用项目", u"fine_chemicals", 180'000'000, Upgrade, {3, 13}, {6, 2}, {}, {8, 17}},
    {u"EEE", u"生物基可降解材料项目", u"new_materials", 520'000'000, 0, {6, 12}, {10, 25}, {}, {}, Ending::Revoked},
};
// The projects signed at the year's signing event, on the first one's signing day.
inline constexpr QStringView SignedAtTheEvent[] = {u"年产30万吨高端精细化学品一体化项目", u"智能物流装备产业园项目"};

// Funds actually arrived, for a project of the table above or (empty) an enterprise already in
// the zone. Amounts in yuan or US dollars.
struct FundsRow
{
    QStringView unit;
    QStringView project;
    FundsKind kind;
    qint64 amount;
    Day date;
    Ending ending = Ending::Recognised;
};

inline constexpr FundsRow Funds[] = {
    {u"ISB", u"", FundsKind::OutsideProvinceRmb, 250'000'000, {3, 15}},
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", FundsKind::OutsideProvinceRmb, 800'000'000, {7, 20}},
    {u"ISB", u"智能物流装备产业园项目", FundsKind::OutsideProvinceRmb, 400'000'000, {9, 12}},
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", FundsKind::OutsideProvinceRmb, 600'000'000, {10, 18}},
    {u"ISB", u"年产5万吨电子化学品项目", FundsKind::OutsideProvinceRmb, 300'000'000, {10, 30}},
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", FundsKind::OutsideProvinceRmb, 300'000'000, {12, 22}, Ending::Waiting},
    {u"ISB", u"功能性食品配料生产基地项目", FundsKind::ForeignCapitalUsd, 4'500'000, {9, 5}},
    {u"ISB", u"", FundsKind::ForeignCapitalUsd, 2'800'000, {11, 8}},
    {u"ISB", u"精密减速器生产基地项目", FundsKind::ForeignCapitalUsd, 3'100'000, {12, 20}, Ending::Waiting},
    {u"PLC", u"", FundsKind::OutsideProvinceRmb, 300'000'000, {2, 15}},
    {u"PLC", u"电机生产线转型升级项目", FundsKind::OutsideProvinceRmb, 120'000'000, {7, 10}},
    {u"PLC", u"", FundsKind::OutsideProvinceRmb, 200'000'000, {10, 9}},
    {u"PGO", u"医药中间体项目", FundsKind::OutsideProvinceRmb, 150'000'000, {9, 20}},
    {u"FIN", u"", FundsKind::OutsideProvinceRmb, 500'000'000, {6, 30}},
    {u"FIN", u"", FundsKind::OutsideProvinceRmb, 350'000'000, {10, 20}},
    {u"FIN", u"", FundsKind::OutsideProvinceRmb, 200'000'000, {11, 10}, Ending::Returned},
    {u"FIN", u"", FundsKind::ForeignCapitalIncreaseUsd, 250'000, {6, 1}},
    {u"EDS", u"智能装备产业园项目", FundsKind::OutsideProvinceRmb, 120'000'000, {12, 15}},
    {u"EDS", u"", FundsKind::ForeignCapitalIncreaseUsd, 380'000, {10, 16}},
    {u"EEE", u"", FundsKind::OutsideProvinceRmb, 400'000'000, {3, 31}},
    {u"EEE", u"", FundsKind::OutsideProvinceRmb, 200'000'000, {8, 18}},
};

// Enterprises brought to visit the zone, or visited with the zone's delegation. The last one is
// neither foreign nor of a leading industry, and is returned for it.
struct ReferralRow
{
    QStringView unit;
    Day date;
    ReferralDirection direction;
    bool foreign;
    bool leadingIndustry;
    QStringView notes;
};

inline constexpr ReferralRow Referrals[] = {
    {u"PGO", {2, 20}, ReferralDirection::EnterpriseVisitedZone, false, true, u"陪同企业考察精细化工园区，对接用地和蒸汽供应"},
    {u"PGO", {5, 8}, ReferralDirection::ZoneVisitedEnterprise, false, true, u"带队赴企业总部推介开发区，企业表示将来区考察"},
    {u"EDS", {4, 10}, ReferralDirection::EnterpriseVisitedZone, true, true, u"外资企业中国区负责人来区考察，参观标准化厂房"},
    {u"PLC", {9, 14}, ReferralDirection::EnterpriseVisitedZone, false, true, u"引荐装备制造企业来区，对接装配式厂房方案"},
    {u"EEE", {3, 22}, ReferralDirection::EnterpriseVisitedZone, false, true, u"引荐化工环保配套企业来区考察危废处置能力"},
    {u"EEE", {6, 15}, ReferralDirection::ZoneVisitedEnterprise, false, true, u"赴企业交流安全环保管理经验，推介化工园区"},
    {u"ISB", {7, 6}, ReferralDirection::EnterpriseVisitedZone, true, true, u"外资企业亚太区代表来区考察，洽谈设立区域工厂"},
    {u"FIN", {11, 3}, ReferralDirection::EnterpriseVisitedZone, false, false, u"引荐企业来区考察，了解金融扶持政策"},
};

// The outbound trips of the bureau, each with one companion from another unit.
struct TripRow
{
    Day start, end;
    QStringView cities[2];
    QStringView industries[2];
    QStringView companionUnit;
};

inline constexpr TripRow Trips[] = {
    {{4, 11}, {4, 14}, {u"上海", u"苏州"}, {u"fine_chemicals", u"new_materials"}, u"EEE"},
    {{7, 18}, {7, 21}, {u"深圳", u"东莞"}, {u"intelligent_manufacturing", u"equipment_manufacturing"}, u"EDS"},
    {{10, 17}, {10, 19}, {u"北京", u"北京"}, {u"functional_food", u"fine_chemicals"}, u"PLC"},
};

// The institutions visited on the trips, by the city they were met in (31 of them; with the one
// institute visited on its own the year reaches 32, over the target of 30).
struct InstitutionRow
{
    QStringView city;
    QStringView name;
    InstitutionCategory category;
};

using IC = InstitutionCategory;
inline constexpr InstitutionRow Institutions[] = {
    {u"上海", u"中国科学院上海有机化学研究所", IC::NationalResearchInstitution},
    {u"上海", u"上海化工研究院", IC::NationalResearchInstitution},
    {u"上海", u"华东理工大学化工学院", IC::NationalResearchInstitution},
    {u"上海", u"中国化工学会精细化工专业委员会", IC::NationalIndustryAssociation},
    {u"上海", u"中国染料工业协会", IC::NationalIndustryAssociation},
    {u"上海", u"长三角精细化工产业投资基金", IC::IndustrialInvestmentInstitution},
    {u"上海", u"上海某上市精细化工企业董事长", IC::WellKnownEntrepreneur},
    {u"苏州", u"中国科学院苏州纳米技术与纳米仿生研究所", IC::NationalResearchInstitution},
    {u"苏州", u"中国涂料工业协会", IC::NationalIndustryAssociation},
    {u"苏州", u"苏州工业园区化工新材料产业基金", IC::IndustrialInvestmentInstitution},
    {u"苏州", u"苏州某电子化学品上市公司董事长", IC::WellKnownEntrepreneur},
    {u"深圳", u"中国科学院深圳先进技术研究院", IC::NationalResearchInstitution},
    {u"深圳", u"清华大学深圳国际研究生院", IC::NationalResearchInstitution},
    {u"深圳", u"中国机器人产业联盟", IC::NationalIndustryAssociation},
    {u"深圳", u"中国电子信息行业联合会", IC::NationalIndustryAssociation},
    {u"深圳", u"粤港澳大湾区智能制造产业基金", IC::IndustrialInvestmentInstitution},
    {u"深圳", u"深圳某创投机构智能制造投资部", IC::IndustrialInvestmentInstitution},
    {u"深圳", u"深圳某工业机器人上市企业创始人", IC::WellKnownEntrepreneur},
    {u"东莞", u"东莞松山湖智能装备产业投资公司", IC::IndustrialInvestmentInstitution},
    {u"东莞", u"东莞某精密模具企业董事长", IC::WellKnownEntrepreneur},
    {u"东莞", u"中国通用机械工业协会", IC::NationalIndustryAssociation},
    {u"北京", u"中国食品发酵工业研究院", IC::NationalResearchInstitution},
    {u"北京", u"中国农业大学食品科学与营养工程学院", IC::NationalResearchInstitution},
    {u"北京", u"中国化工信息中心", IC::NationalResearchInstitution},
    {u"北京", u"中国食品科学技术学会", IC::NationalIndustryAssociation},
    {u"北京", u"中国营养保健食品协会", IC::NationalIndustryAssociation},
    {u"北京", u"中国石油和化学工业联合会", IC::NationalIndustryAssociation},
    {u"北京", u"中国机械工业联合会", IC::NationalIndustryAssociation},
    {u"北京", u"京津冀大健康产业投资基金", IC::IndustrialInvestmentInstitution},
    {u"北京", u"北京某央企产业投资公司", IC::IndustrialInvestmentInstitution},
    {u"北京", u"北京某功能食品上市企业董事长", IC::WellKnownEntrepreneur},
};

// The evidence each milestone is recognised on, and what was uploaded instead when it went back.
struct StageEvidence
{
    MilestoneStage stage;
    QStringView files[2];
    QStringView instead;
    QStringView returnedBecause;
};

inline constexpr StageEvidence StageEvidenceTable[] = {
    {MilestoneStage::Signed, {u"投资协议.pdf", u"签约现场照片.jpg"}, u"合作框架协议.pdf",
     u"上传的是合作框架协议，不是正式投资协议，请补充正式协议"},
    {MilestoneStage::Landed, {u"营业执照.jpg", u"税务登记证明.pdf"}, u"营业执照.jpg",
     u"尚未完成税务登记，请补充税务登记证明后重新提交"},
    {MilestoneStage::Started, {u"开工现场照片.jpg", u"建筑工程施工许可证.pdf"}, u"开工仪式照片.jpg",
     u"仅有开工仪式照片，不能证明实质性开工，请补充施工许可证或施工现场照片"},
};

[[nodiscard]] inline const StageEvidence &evidenceFor(MilestoneStage stage)
{
    for (const StageEvidence &e : StageEvidenceTable) {
        if (e.stage == stage)
            return e;
    }
    return StageEvidenceTable[0];
}

// ---- words --------------------------------------------------------------------------------------

inline constexpr QStringView VisitPurposes[] = {u"了解企业扩产计划", u"对接项目用地需求", u"走访服务，了解生产经营困难",
                                         u"洽谈增资扩股", u"推介开发区产业政策", u"对接上下游配套企业",
                                         u"跟进在谈项目进展"};
inline constexpr QStringView VisitOutcomes[] = {
    u"企业计划明年新增一条生产线，已明确专人对接", u"企业提出约50亩用地需求，已转规划建设局研究",
    u"协调解决企业用电增容问题，企业表示满意", u"企业有意引荐上游原料供应商来区考察",
    u"获得一条有明确投资意向的招商信息", u"企业负责人将于下月来区进一步洽谈", u"宣讲惠企政策，企业拟申报技改补助"};
inline constexpr QStringView NoCheckInReasons[] = {u"厂区内信号弱，手机无法获取定位，已附拜访照片",
                                            u"手机定位权限被关闭，当时未能签到", u"在企业郑州办事处会谈，不在注册地址",
                                            u"企业负责人来管委会洽谈，未到企业现场"};
inline constexpr QStringView FarNotes[] = {u"企业新厂区在建，在项目工地签到", u"在企业仓储物流园区签到",
                                    u"随企业负责人到其配套企业厂区考察"};
inline constexpr QStringView LeadSources[] = {u"商会推荐", u"企业走访获得", u"招商推介会", u"中介机构推荐",
                                       u"在外豫商引荐", u"行业协会推荐", u"以商招商"};
inline constexpr QStringView LeadProgress[] = {u"已完成初步选址", u"正在开展可行性研究", u"计划近期来区实地考察",
                                        u"已与开发区签订保密协议"};

inline constexpr QStringView ReasonTooBrief = u"拜访成果填写过于简单，请补充企业诉求和下一步对接安排";
inline constexpr QStringView ReasonMock = u"系统检测到模拟定位，请到企业现场重新签到并书面说明情况";
inline constexpr QStringView ReasonNoIntention = u"未写明投资意向，不属于有价值的招商引资信息，请补充后重新提交";
inline constexpr QStringView ReasonFalseAgreement =
    u"经核查，投资协议系伪造，企业未与开发区签约；分值取消，单位和个人取消年度评先资格并通报批评";
inline constexpr QStringView ReasonFundsProof = u"仅有银行回单，缺少投资方出具的书面到位资金证明，请补充后重新提交";

} // namespace syncserver::demo
