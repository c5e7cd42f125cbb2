<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CheckInPanel</name>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="64"/>
        <source>未签到</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="67"/>
        <source>正在定位…</source>
        <translation>Locating…</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="69"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="71"/>
        <source>未能定位</source>
        <translation>No location fix</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="73"/>
        <source>尚未开始定位</source>
        <translation>Not locating yet</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="87"/>
        <source>精度 ±%1 米，要求 ≤%2 米</source>
        <translation>Accuracy ±%1 m (required ≤%2 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="90"/>
        <source>精度未知，要求 ≤%1 米</source>
        <translation>Accuracy unknown (required ≤%1 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="91"/>
        <source>精度：等待定位，要求 ≤%1 米</source>
        <translation>Accuracy: waiting for a fix (required ≤%1 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="102"/>
        <source>企业未登记位置坐标，无法核对距离</source>
        <translation>The enterprise has no registered coordinates, so distance can&apos;t be checked</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="105"/>
        <source>距企业登记位置 %1 米</source>
        <translation>%1 m from the enterprise&apos;s registered site</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="106"/>
        <source>距企业登记位置 %1 公里</source>
        <translation>%1 km from the enterprise&apos;s registered site</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="119"/>
        <source>注意：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="128"/>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="140"/>
        <source>确认签到</source>
        <translation>Confirm check-in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="148"/>
        <source>无法签到</source>
        <translation>Can&apos;t check in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="159"/>
        <source>重新定位</source>
        <translation>Locate again</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="179"/>
        <source>无法签到的原因（如：企业在地下室，没有GPS信号）</source>
        <translation>Why you can&apos;t check in (e.g. the enterprise is in a basement with no GPS signal)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="183"/>
        <source>提交原因</source>
        <translation>Submit reason</translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="14"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="14"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="33"/>
        <source>企业名称 *</source>
        <translation>Enterprise name *</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="35"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="52"/>
        <source>所属产业与产业链环节</source>
        <translation>Industry and chain link</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="57"/>
        <source>未选择</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="65"/>
        <source>产业链环节</source>
        <translation>Chain link</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="70"/>
        <source>注册地址坐标（纬度，经度）</source>
        <translation>Registered address coordinates (latitude, longitude)</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="78"/>
        <source>外资企业</source>
        <translation>Foreign-invested</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="79"/>
        <source>上市企业</source>
        <translation>Listed company</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="80"/>
        <source>世界500强</source>
        <translation>Fortune Global 500</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="81"/>
        <source>行业龙头</source>
        <translation>Industry leader</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="85"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../qml/EnterprisesPage.qml" line="8"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisesPage.qml" line="15"/>
        <source>按名称或统一社会信用代码搜索</source>
        <translation>Search by name or unified social credit code</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisesPage.qml" line="16"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/HomePage.qml" line="9"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="22"/>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="27"/>
        <source>现场签到 · 新建拜访</source>
        <translation>Check in · New visit</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="29"/>
        <source>报送招商信息</source>
        <translation>Submit a lead</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="31"/>
        <source>外出招商</source>
        <translation>Outbound trip</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="40"/>
        <source>本月招商信息</source>
        <translation>Leads this month</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="41"/>
        <source>%1 / 4 条</source>
        <translation>%1 / 4</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="42"/>
        <source>本月已达标</source>
        <translation>Monthly target met</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="42"/>
        <source>每月至少报送4条有明确投资意向的信息</source>
        <translation>Submit at least 4 leads with a clear investment intention each month</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="46"/>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="47"/>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="52"/>
        <source>本单位得分（%1）</source>
        <translation>Our unit&apos;s score (%1)</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="53"/>
        <source>未同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="54"/>
        <source>全区第 %1 名</source>
        <translation>#%1 in the zone</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="54"/>
        <source>同步后显示</source>
        <translation>Shown after sync</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="58"/>
        <source>本组任务完成情况</source>
        <translation>Our group&apos;s task progress</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="67"/>
        <source>%1 / %2 分</source>
        <translation>%1 / %2 pts</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="75"/>
        <source>同步后显示本组各项任务的目标与进度。</source>
        <translation>Your group&apos;s task targets and progress appear after sync.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../qml/InboxPage.qml" line="10"/>
        <source>认定审核</source>
        <translation>Recognition review</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="17"/>
        <source>待认定 %1 条</source>
        <translation>Awaiting recognition: %1</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="18"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="34"/>
        <source>报送：%1 · %2</source>
        <translation>Submitted by %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="43"/>
        <source>退回或认定虚假的理由</source>
        <translation>Reason for returning or revoking as false</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="46"/>
        <source>认定</source>
        <translation>Recognise</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="53"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="59"/>
        <source>认定虚假</source>
        <translation>Revoke as false</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="12"/>
        <location filename="../qml/Main.qml" line="67"/>
        <source>全员招商台账</source>
        <translation>All-Staff Investment Promotion Ledger</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="18"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="19"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="20"/>
        <source>拜访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="21"/>
        <source>外出招商</source>
        <translation>Outbound trips</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="22"/>
        <source>招商信息</source>
        <translation>Investment leads</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="23"/>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="24"/>
        <source>到位资金</source>
        <translation>Funds arrived</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="25"/>
        <source>引荐企业</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>认定审核</source>
        <translation>Recognition review</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>得分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="28"/>
        <source>招商图谱</source>
        <translation>Investment map</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="29"/>
        <location filename="../qml/Main.qml" line="77"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="30"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="60"/>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="60"/>
        <source>☰</source>
        <translation>☰</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="72"/>
        <source>%1 条待同步</source>
        <translation>%1 waiting to sync</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="72"/>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../qml/MapPage.qml" line="9"/>
        <source>招商图谱</source>
        <translation>Investment map</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="24"/>
        <source>已拜访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="24"/>
        <source>在谈</source>
        <translation>In talks</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="24"/>
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="24"/>
        <source>已落地</source>
        <translation>Landed</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="24"/>
        <source>已开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="24"/>
        <source>目标企业</source>
        <translation>Target enterprise</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="40"/>
        <source>（新兴产业）</source>
        <translation> (emerging industry)</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="63"/>
        <source>暂无目标企业</source>
        <translation>No target enterprises yet</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../qml/ProjectPage.qml" line="12"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="27"/>
        <source>总投资 %1 · %2</source>
        <translation>Total investment %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="31"/>
        <source>化工</source>
        <translation>Chemical</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="31"/>
        <source>省台账</source>
        <translation>Provincial ledger</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="32"/>
        <source>外资</source>
        <translation>Foreign-funded</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="32"/>
        <source>转型升级/承接转移</source>
        <translation>Upgrading / industry transfer</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="35"/>
        <source>编辑项目</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="37"/>
        <source>登记节点（签约/落地/开工）</source>
        <translation>Add milestone (signed / landed / started)</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="42"/>
        <source>项目节点</source>
        <translation>Milestones</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../qml/RecordForm.qml" line="23"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="76"/>
        <source>选择文件或照片</source>
        <translation>Choose a file or photo</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="77"/>
        <source>文档和照片 (*.pdf *.jpg *.jpeg *.png *.heic *.docx *.xlsx)</source>
        <translation>Documents and photos (*.pdf *.jpg *.jpeg *.png *.heic *.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="108"/>
        <source>已退回：%1</source>
        <translation>Returned: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="115"/>
        <source>服务器未接收：%1。请修改后重新保存。</source>
        <translation>Not accepted by the server: %1. Please correct it and save again.</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="178"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="186"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="217"/>
        <source>年-月-日，如 2023-06-30</source>
        <translation>YYYY-MM-DD, e.g. 2023-06-30</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="232"/>
        <source>金额，如 800000000.00</source>
        <translation>Amount, e.g. 800000000.00</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="238"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="238"/>
        <source>美元</source>
        <translation>USD</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="273"/>
        <source>请选择企业</source>
        <translation>Select an enterprise</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="279"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="289"/>
        <source>未选择</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="305"/>
        <source>（新兴）</source>
        <translation> (emerging)</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="330"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="340"/>
        <source>机构或企业家名称</source>
        <translation>Institution or entrepreneur name</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="348"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="368"/>
        <source>否（不属于外出招商）</source>
        <translation>No (not on an outbound trip)</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="389"/>
        <source>还没有本次外出的拜访记录</source>
        <translation>No visits recorded on this trip yet</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="401"/>
        <source> · 已签到</source>
        <translation> · checked in</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="405"/>
        <source>拜访记录中已选本次外出</source>
        <translation>Trip chosen on the visit</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="410"/>
        <source>移出</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="416"/>
        <source>新建本次外出的拜访</source>
        <translation>New visit on this trip</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="422"/>
        <source>外出期间的其他拜访，可加入本次外出：</source>
        <translation>Other visits during the trip, to add to it:</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="436"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="453"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="463"/>
        <source>添加文件或照片</source>
        <translation>Add file or photo</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="476"/>
        <source>已签到：精度 ±%1 米，距企业注册地址 %2</source>
        <translation>Checked in: accuracy ±%1 m, distance from registered address %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="478"/>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="478"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="486"/>
        <source>未签到：%1</source>
        <translation>Not checked in: %1</translation>
    </message>
    <message>
        <source>📎 %1（%2 KB）</source>
        <translation>📎 %1 (%2 KB)</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../qml/RecordsPage.qml" line="25"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../qml/RecordsPage.qml" line="27"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../qml/RecordsPage.qml" line="55"/>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../qml/RecordsPage.qml" line="65"/>
        <source>还没有记录</source>
        <translation>No records yet</translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <location filename="../qml/ScoresPage.qml" line="10"/>
        <source>得分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="32"/>
        <source>第%1季度</source>
        <translation>Q%1</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="38"/>
        <source>仅本季度</source>
        <translation>This quarter only</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="40"/>
        <source>同步后显示得分</source>
        <translation>Scores appear after sync</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="43"/>
        <source>单位排名</source>
        <translation>Unit ranking</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="51"/>
        <source>任务 %1 + 加分 %2</source>
        <translation>Tasks %1 + bonus %2</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="56"/>
        <source>本组任务（%1）</source>
        <translation>Our group&apos;s tasks (%1)</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="66"/>
        <source>%1 / %2 分</source>
        <translation>%1 / %2 pts</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="69"/>
        <source>完成 %1 / 目标 %2，依据 %3 条记录</source>
        <translation>Achieved %1 / target %2 · records: %3</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="87"/>
        <source>本单位加分</source>
        <translation>Our unit&apos;s bonus points</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="92"/>
        <source>（上限 %1）</source>
        <translation> (cap %1)</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="95"/>
        <source>个人分值</source>
        <translation>Personal shares</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="101"/>
        <source>%1 分，依据 %2 条记录</source>
        <translation>%1 pts · records: %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2（不计：%3）</source>
        <translation>%1  %2 (not counted: %3)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/SettingsPage.qml" line="8"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="13"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="15"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="22"/>
        <source>现场签到规则（来自考核方案）</source>
        <translation>On-site check-in rules (from the assessment scheme)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="23"/>
        <source>定位精度达到 %1 米以内时自动签到</source>
        <translation>Checks in automatically once location accuracy is within %1 m</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="24"/>
        <source>距企业注册地址超过 %1 米时标记</source>
        <translation>Flagged when more than %1 m from the registered address</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="25"/>
        <source>与上次签到之间速度超过 %1 公里/小时时标记</source>
        <translation>Flagged when travel speed since the last check-in exceeds %1 km/h</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="26"/>
        <source>演示定位（回放 NMEA 记录）</source>
        <translation>Demo positioning (replay NMEA log)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="27"/>
        <source>本机编号：%1</source>
        <translation>Device ID: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="28"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="8"/>
        <location filename="../qml/SignInPage.qml" line="43"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="14"/>
        <source>全员招商台账</source>
        <translation>All-Staff Investment Promotion Ledger</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="19"/>
        <source>新乡经济开发区 · 招商服务局</source>
        <translation>Xinxiang Economic Development Zone · Investment Service Bureau</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="24"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="26"/>
        <source>账号</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="28"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="43"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../qml/SyncPage.qml" line="9"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="15"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="17"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="20"/>
        <source>服务器未接收的记录</source>
        <translation>Records not accepted by the server</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="41"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="43"/>
        <source>待处理的修改冲突</source>
        <translation>Edit conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="55"/>
        <source>%1 · 字段“%2”</source>
        <translation>%1 · field &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="60"/>
        <source>服务器上的值</source>
        <translation>Server value</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="62"/>
        <source>保留服务器的值</source>
        <translation>Keep server value</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="66"/>
        <source>本机修改的值</source>
        <translation>Value edited on this device</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="68"/>
        <source>采用本机的值</source>
        <translation>Use this device&apos;s value</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../qml/forms.js" line="8"/>
        <source>国家级科研机构</source>
        <translation>National research institution</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="9"/>
        <source>重点产业投资机构</source>
        <translation>Key industrial investment institution</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="10"/>
        <source>行业知名企业家</source>
        <translation>Renowned industry entrepreneur</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="11"/>
        <source>国家级行业协会</source>
        <translation>National industry association</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="16"/>
        <source>拜访企业</source>
        <translation>Enterprise visited</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="18"/>
        <location filename="../qml/forms.js" line="80"/>
        <source>拜访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="19"/>
        <source>拜访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="20"/>
        <source>拜访成果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="21"/>
        <location filename="../qml/forms.js" line="54"/>
        <location filename="../qml/forms.js" line="65"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="23"/>
        <source>拜访对象属于</source>
        <translation>Type of party visited</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="24"/>
        <source>一般企业</source>
        <translation>Ordinary enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="17"/>
        <source>现场签到</source>
        <translation>On-site check-in</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="22"/>
        <source>外出招商期间的拜访</source>
        <translation>Made on an outbound trip</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="25"/>
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="28"/>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="29"/>
        <source>出发日期</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="30"/>
        <source>返回日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="31"/>
        <source>围绕主导产业</source>
        <translation>Leading industries targeted</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="32"/>
        <source>本次外出拜访的企业</source>
        <translation>Enterprises visited on this trip</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="33"/>
        <source>拜访的机构</source>
        <translation>Institutions visited</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="34"/>
        <source>外出招商情况小结</source>
        <translation>Trip summary</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="37"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="38"/>
        <source>明确的投资意向</source>
        <translation>Clear investment intention</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="39"/>
        <source>预计投资（元）</source>
        <translation>Expected investment (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="40"/>
        <location filename="../qml/forms.js" line="48"/>
        <source>所属产业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="41"/>
        <source>报送日期</source>
        <translation>Date submitted</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="42"/>
        <source>信息来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="45"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="46"/>
        <source>投资企业</source>
        <translation>Investing enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="47"/>
        <source>总投资（元）</source>
        <translation>Total investment (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="49"/>
        <source>化工项目</source>
        <translation>Chemical project</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="50"/>
        <source>列入省台账</source>
        <translation>On the provincial ledger</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="51"/>
        <source>外资项目</source>
        <translation>Foreign-funded project</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="52"/>
        <source>转型升级/承接转移</source>
        <translation>Upgrading / industry transfer</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="53"/>
        <source>洽谈开始日期</source>
        <translation>In talks since</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="57"/>
        <source>节点</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="58"/>
        <source>签约（正式投资协议）</source>
        <translation>Signed (formal investment agreement)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="59"/>
        <source>落地（注册独立法人并完成税务登记）</source>
        <translation>Landed (independent legal entity registered, tax registration completed)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="60"/>
        <source>开工（实质性开工建设）</source>
        <translation>Started (substantive construction under way)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="61"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="62"/>
        <source>已在开发区注册独立核算法人企业</source>
        <translation>Independently accounted legal entity registered in the zone</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="63"/>
        <source>已完成税务登记</source>
        <translation>Tax registration completed</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="64"/>
        <source>证明材料（协议、执照、现场照片）</source>
        <translation>Evidence (agreement, licence, site photos)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="68"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="69"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="70"/>
        <source>省（市）外资金（人民币）</source>
        <translation>Funds from outside the province/city (RMB)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="71"/>
        <source>外资资本金（美元）</source>
        <translation>Foreign registered capital (USD)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="72"/>
        <source>外资增资（美元）</source>
        <translation>Foreign capital increase (USD)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="73"/>
        <source>到位金额</source>
        <translation>Amount arrived</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="74"/>
        <source>到位日期</source>
        <translation>Date arrived</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="75"/>
        <source>付款方</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="76"/>
        <source>投资方书面证明材料</source>
        <translation>Investor&apos;s written proof</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="79"/>
        <source>引荐的企业</source>
        <translation>Referred enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="81"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="82"/>
        <source>企业来我区拜访</source>
        <translation>Enterprise visited our zone</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="83"/>
        <source>邀请我区赴企业拜访</source>
        <translation>Enterprise invited our zone to visit</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="84"/>
        <source>与主导产业相关联</source>
        <translation>Linked to a leading industry</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="85"/>
        <source>外资企业</source>
        <translation>Foreign-invested enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="86"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="87"/>
        <source>证明（照片、接待记录）</source>
        <translation>Proof (photos, reception records)</translation>
    </message>
</context>
<context>
    <name>mobile::AppController</name>
    <message>
        <location filename="../appcontroller.cpp" line="32"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="34"/>
        <source>不是有效的日期（应为 年-月-日，如 2023-06-30）</source>
        <translation>Not a valid date (year-month-day, e.g. 2023-06-30)</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="36"/>
        <source>不能为负数</source>
        <translation>Must not be negative</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="38"/>
        <source>金额格式不对：最多两位小数，如 1011.50</source>
        <translation>Not a valid amount: at most two decimals, e.g. 1011.50</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="40"/>
        <source>太长：%1 个字，最多 %2 个字</source>
        <translation>Too long: %1 characters, at most %2</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="139"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="140"/>
        <source>登录已过期，请重新登录（未同步的记录都保留在本机）</source>
        <translation>Session expired. Please sign in again (unsynced records stay on this device).</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="141"/>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="142"/>
        <source>%1 条待同步，网络恢复后自动同步</source>
        <translation>%1 waiting to sync; will sync automatically when the network is back</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="144"/>
        <source>已是最新</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="144"/>
        <source>%1 条待同步</source>
        <translation>%1 waiting to sync</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="151"/>
        <source>从未同步</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="339"/>
        <source>（本机没有这条拜访记录）</source>
        <translation>(this visit is not on this device)</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="375"/>
        <source>%1（%2 至 %3）</source>
        <translation>%1 (%2 to %3)</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="403"/>
        <source>企业拜访</source>
        <translation>Enterprise visit</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="403"/>
        <source>外出招商</source>
        <translation>Outbound trip</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="404"/>
        <source>招商信息</source>
        <translation>Investment lead</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="404"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="405"/>
        <source>项目节点</source>
        <translation>Project milestone</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="405"/>
        <source>到位资金</source>
        <translation>Funds arrived</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="406"/>
        <location filename="../appcontroller.cpp" line="497"/>
        <source>引荐企业拜访</source>
        <translation>Referral visit</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="406"/>
        <source>总部经济</source>
        <translation>Headquarters economy</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="407"/>
        <source>领导小组加分</source>
        <translation>Leading group bonus</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="407"/>
        <source>签约活动</source>
        <translation>Signing event</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="408"/>
        <source>招商图谱</source>
        <translation>Investment map</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="408"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="478"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="479"/>
        <source>落地</source>
        <translation>Landed</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="480"/>
        <source>开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="497"/>
        <source>外资增资</source>
        <translation>Foreign capital increase</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="498"/>
        <source>引进总部经济</source>
        <translation>Headquarters attracted</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="498"/>
        <source>领导小组研究加分</source>
        <translation>Bonus decided by the leading group</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="559"/>
        <source>无法获取得分（%1）；显示的是上次同步的结果</source>
        <translation>Couldn&apos;t load scores (%1); showing the last synced results</translation>
    </message>
    <message>
        <location filename="../appcontroller.cpp" line="571"/>
        <source>无法获取待认定记录：%1</source>
        <translation>Couldn&apos;t load records awaiting recognition: %1</translation>
    </message>
</context>
<context>
    <name>mobile::CheckInController</name>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="83"/>
        <location filename="../../positioning/checkincontroller.cpp" line="269"/>
        <location filename="../../positioning/checkincontroller.cpp" line="324"/>
        <source>定位服务不可用</source>
        <translation>Location service unavailable</translation>
    </message>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="334"/>
        <source>%1秒内未获得定位（室内或无GPS信号）</source>
        <translation>No location fix within %1 s (indoors or no GPS signal)</translation>
    </message>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="336"/>
        <source>%1秒内定位精度未达到要求（当前 ±%2 米，要求 ≤%3 米）</source>
        <translation>Accuracy not good enough within %1 s (now ±%2 m, required ≤%3 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="339"/>
        <source>%1秒内未获得已知精度的定位（要求 ≤%2 米）</source>
        <translation>No fix with known accuracy within %1 s (required ≤%2 m)</translation>
    </message>
</context>
<context>
    <name>mobile::NmeaReplayProvider</name>
    <message>
        <location filename="../../positioning/nmeareplayprovider.cpp" line="71"/>
        <source>定位服务不可用（无法读取定位回放文件“%1”）</source>
        <translation>Location service unavailable (can&apos;t read the location replay file &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>mobile::PositionProvider</name>
    <message>
        <location filename="../../positioning/positionprovider.cpp" line="29"/>
        <source>没有定位权限，请在系统设置中允许本应用使用位置信息</source>
        <translation>No location permission. Allow this app to use your location in system settings.</translation>
    </message>
    <message>
        <location filename="../../positioning/positionprovider.cpp" line="31"/>
        <source>定位服务已关闭，请在系统设置中打开定位</source>
        <translation>Location services are off. Turn on location in system settings.</translation>
    </message>
    <message>
        <location filename="../../positioning/positionprovider.cpp" line="33"/>
        <source>无法获取定位（室内或无GPS信号）</source>
        <translation>Can&apos;t get a location (indoors or no GPS signal)</translation>
    </message>
    <message>
        <location filename="../../positioning/positionprovider.cpp" line="35"/>
        <source>定位服务不可用</source>
        <translation>Location service unavailable</translation>
    </message>
</context>
<context>
    <name>mobile::QtPositionProvider</name>
    <message>
        <location filename="../../positioning/qtpositionprovider.cpp" line="49"/>
        <source>定位服务不可用（本机没有可用的定位源）</source>
        <translation>Location service unavailable (no location source on this device)</translation>
    </message>
</context>
<context>
    <name>mobile::RecordListModel</name>
    <message>
        <location filename="../recordlistmodel.cpp" line="14"/>
        <source>已认定</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="15"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="16"/>
        <source>认定虚假</source>
        <translation>Revoked as false</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="17"/>
        <source>待认定</source>
        <translation>Awaiting recognition</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="46"/>
        <source>服务器未接收：%1</source>
        <translation>Not accepted by the server: %1</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="48"/>
        <source>已退回：%1</source>
        <translation>Returned: %1</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="53"/>
        <source> · 已签到</source>
        <translation> · checked in</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="53"/>
        <source> · 未签到</source>
        <translation> · not checked in</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="57"/>
        <source>%1 至 %2 · 拜访机构 %3 家</source>
        <translation>%1 to %2 · institutions visited: %3</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="68"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="68"/>
        <source>落地</source>
        <translation>Landed</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="69"/>
        <source>开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="72"/>
        <source> · 证明材料 %1 份</source>
        <translation> · evidence files: %1</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="80"/>
        <source> · 外资企业</source>
        <translation> · foreign-invested</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="80"/>
        <source> · 主导产业关联企业</source>
        <translation> · linked to a leading industry</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="91"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
</context>
</TS>
