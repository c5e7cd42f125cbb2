<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AmountField</name>
    <message>
        <location filename="../qml/AmountField.qml" line="55"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="66"/>
        <source>未签到</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="69"/>
        <source>正在定位…</source>
        <translation>Locating…</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="71"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="73"/>
        <source>未能定位</source>
        <translation>No location fix</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="75"/>
        <source>尚未开始定位</source>
        <translation>Not locating yet</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="89"/>
        <source>精度 ±%1 米，要求 ≤%2 米</source>
        <translation>Accuracy ±%1 m (required ≤%2 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="92"/>
        <source>精度未知，要求 ≤%1 米</source>
        <translation>Accuracy unknown (required ≤%1 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="93"/>
        <source>精度：等待定位，要求 ≤%1 米</source>
        <translation>Accuracy: waiting for a fix (required ≤%1 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="104"/>
        <source>企业未登记位置坐标，无法核对距离</source>
        <translation>The enterprise has no registered coordinates, so distance can&apos;t be checked</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="107"/>
        <source>距企业登记位置 %1 米</source>
        <translation>%1 m from the enterprise&apos;s registered site</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="108"/>
        <source>距企业登记位置 %1 公里</source>
        <translation>%1 km from the enterprise&apos;s registered site</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="121"/>
        <source>注意：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="130"/>
        <source>距离较远的原因：%1</source>
        <translation>Reason for the distance: %1</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="138"/>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="150"/>
        <source>确认签到</source>
        <translation>Confirm check-in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="158"/>
        <source>无法签到</source>
        <translation>Can&apos;t check in</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="169"/>
        <source>重新定位</source>
        <translation>Locate again</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="189"/>
        <source>无法签到的原因（如：企业在地下室，没有GPS信号）</source>
        <translation>Why you can&apos;t check in (e.g. the enterprise is in a basement with no GPS signal)</translation>
    </message>
    <message>
        <location filename="../../positioning/CheckInPanel.qml" line="193"/>
        <source>提交原因</source>
        <translation>Submit reason</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <location filename="../qml/ConnectionBadge.qml" line="43"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../qml/DateField.qml" line="29"/>
        <source>选择日期</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <location filename="../qml/DateField.qml" line="78"/>
        <source>上个月</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../qml/DateField.qml" line="86"/>
        <source>下个月</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../qml/DateField.qml" line="128"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../qml/DateField.qml" line="130"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../qml/DateField.qml" line="131"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../qml/DecisionBar.qml" line="21"/>
        <source>退回或认定虚假的理由</source>
        <translation>Reason for returning or revoking as false</translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="21"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="21"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="59"/>
        <source>企业名称 *</source>
        <translation>Enterprise name *</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="61"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="78"/>
        <source>所属产业与产业链环节</source>
        <translation>Industry and chain link</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="83"/>
        <source>未选择</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="96"/>
        <source>产业链环节（未选择）</source>
        <translation>Chain link (not chosen)</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="100"/>
        <source>注册地址</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="105"/>
        <source>如：新乡市经开区纬七路与经十路交叉口</source>
        <translation>e.g. Weiqi Road at Jingshi Road, Xinxiang Economic Development Zone</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="108"/>
        <source>注册地址坐标（签到时比对距离）</source>
        <translation>Coordinates of the registered site (check-ins are measured against them)</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="113"/>
        <source>纬度（未填写）</source>
        <translation>Latitude (not filled in)</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="115"/>
        <source>经度（未填写）</source>
        <translation>Longitude (not filled in)</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="120"/>
        <source>外资企业</source>
        <translation>Foreign-invested</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="121"/>
        <source>上市企业</source>
        <translation>Listed company</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="122"/>
        <source>世界500强</source>
        <translation>Fortune Global 500</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="123"/>
        <source>行业龙头</source>
        <translation>Industry leader</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="125"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/EnterpriseForm.qml" line="127"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="27"/>
        <source>请选择企业</source>
        <translation>Choose an enterprise</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="83"/>
        <source>按名称或统一社会信用代码搜索</source>
        <translation>Search by name or unified social credit code</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="89"/>
        <source>按距离排列（离您最近的在前）</source>
        <translation>By distance (nearest first)</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="89"/>
        <source>最近记录过的企业在前</source>
        <translation>Enterprises of your latest records first</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="115"/>
        <source>最近 %1</source>
        <translation>Last %1</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="124"/>
        <source>%1 公里</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="125"/>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="137"/>
        <source>没有找到企业，可以新增</source>
        <translation>No enterprise found: add it</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="142"/>
        <source>新增企业</source>
        <translation>Add enterprise</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisePicker.qml" line="144"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../qml/EnterprisesPage.qml" line="11"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisesPage.qml" line="18"/>
        <source>按名称或统一社会信用代码搜索</source>
        <translation>Search by name or unified social credit code</translation>
    </message>
    <message>
        <location filename="../qml/EnterprisesPage.qml" line="19"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
</context>
<context>
    <name>FarCheckInDialog</name>
    <message>
        <location filename="../qml/FarCheckInDialog.qml" line="22"/>
        <source>签到位置离企业较远</source>
        <translation>The check-in is far from the enterprise</translation>
    </message>
    <message>
        <location filename="../qml/FarCheckInDialog.qml" line="33"/>
        <source>距企业登记位置 %1 米，超过考核方案的 %2 米。审核人员会看到距离和你填写的原因。</source>
        <translation>%1 m from the enterprise&apos;s registered site, beyond the scheme&apos;s %2 m. The reviewer will see the distance and your reason.</translation>
    </message>
    <message>
        <location filename="../qml/FarCheckInDialog.qml" line="40"/>
        <source>原因（如：企业登记地址与实际厂区不在一处）</source>
        <translation>Reason (e.g. the registered address is not where the plant is)</translation>
    </message>
    <message>
        <location filename="../qml/FarCheckInDialog.qml" line="51"/>
        <source>确认签到</source>
        <translation>Confirm check-in</translation>
    </message>
    <message>
        <location filename="../qml/FarCheckInDialog.qml" line="58"/>
        <source>重新定位</source>
        <translation>Locate again</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/HomePage.qml" line="13"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="26"/>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="37"/>
        <source>现场签到 · 新建拜访</source>
        <translation>Check in · New visit</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="39"/>
        <source>报送招商信息</source>
        <translation>Submit a lead</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="41"/>
        <source>外出招商</source>
        <translation>Outbound trip</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="55"/>
        <source>本月招商信息</source>
        <translation>Leads this month</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="56"/>
        <source>%1 / 4 条</source>
        <translation>%1 / 4</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="57"/>
        <source>本月已达标</source>
        <translation>Monthly target met</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="57"/>
        <source>每月至少报送4条有明确投资意向的信息</source>
        <translation>Submit at least 4 leads with a clear investment intention each month</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="61"/>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="62"/>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="68"/>
        <source>本单位得分 · %1</source>
        <translation>My unit&apos;s score · %1</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="68"/>
        <source>本单位得分</source>
        <translation>My unit&apos;s score</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="69"/>
        <source>未同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="70"/>
        <source>全区第 %1 名</source>
        <translation>#%1 in the zone</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="70"/>
        <source>同步后显示</source>
        <translation>Shown after sync</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="74"/>
        <source>本组任务完成情况</source>
        <translation>Our group&apos;s task progress</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="88"/>
        <source>%1 / %2 分</source>
        <translation>%1 / %2 pts</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="99"/>
        <source>同步后显示本组各项任务的目标与进度。</source>
        <translation>Your group&apos;s task targets and progress appear after sync.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../qml/InboxPage.qml" line="15"/>
        <source>认定审核</source>
        <translation>Recognition review</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="49"/>
        <source>待认定 %1 条</source>
        <translation>Awaiting recognition: %1</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="50"/>
        <source>待认定 %1 条，显示 %2 条</source>
        <translation>%1 awaiting recognition, %2 shown</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="54"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="64"/>
        <source>搜索企业、记录、报送人</source>
        <translation>Search enterprises, records, submitters</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="70"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="78"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="86"/>
        <source>不限标记</source>
        <translation>Any flags</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="94"/>
        <source>起始日期</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="102"/>
        <source>截止日期</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="123"/>
        <source>立即发送</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="140"/>
        <source>“%1”未能%2：%3</source>
        <translation>“%1” could not be %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="142"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="222"/>
        <source>签到距企业 %1 米（精度 ±%2 米）</source>
        <translation>Checked in %1 m from the enterprise (accuracy ±%2 m)</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="223"/>
        <source>已签到，企业无注册位置</source>
        <translation>Checked in; the enterprise has no registered site</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="224"/>
        <source>未签到</source>
        <translation>No check-in</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="229"/>
        <source>证明材料 %1 份</source>
        <translation>%1 proof(s)</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="246"/>
        <source>远距离签到的理由：%1</source>
        <translation>Reason for checking in far away: %1</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="255"/>
        <source>已决定“%1”，保存在本机，待发送</source>
        <translation>Decided “%1”; kept on this device, waiting to be sent</translation>
    </message>
    <message>
        <location filename="../qml/InboxPage.qml" line="263"/>
        <source>查看完整记录</source>
        <translation>Open the whole record</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../qml/LeaveDialog.qml" line="17"/>
        <source>还有未保存的修改</source>
        <translation>There are unsaved changes</translation>
    </message>
    <message>
        <location filename="../qml/LeaveDialog.qml" line="22"/>
        <source>保留为草稿，稍后可在首页继续填写（草稿只在本机，不会同步）；或放弃这些修改。</source>
        <translation>Keep the changes as a draft to finish later from the home page (drafts stay on this device and are not synced), or discard them.</translation>
    </message>
    <message>
        <location filename="../qml/LeaveDialog.qml" line="32"/>
        <source>保留草稿</source>
        <translation>Keep draft</translation>
    </message>
    <message>
        <location filename="../qml/LeaveDialog.qml" line="38"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../qml/LeaveDialog.qml" line="43"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <location filename="../../core/attachmentstore.cpp" line="64"/>
        <location filename="../../core/attachmentstore.cpp" line="73"/>
        <source>无法读取文件 %1：%2</source>
        <translation>Can&apos;t read file %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/attachmentstore.cpp" line="67"/>
        <source>无法写入文件夹 %1：%2</source>
        <translation>Can&apos;t write to folder %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/attachmentstore.cpp" line="76"/>
        <location filename="../../core/attachmentstore.cpp" line="80"/>
        <source>无法复制文件 %1：%2</source>
        <translation>Can&apos;t copy file %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/attachmentstore.cpp" line="85"/>
        <source>无法保存文件 %1：%2</source>
        <translation>Can&apos;t save file %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/attachmentstore.cpp" line="100"/>
        <source>无法写入附件：%1</source>
        <translation>Can&apos;t write the attachment: %1</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="95"/>
        <source>无权提交：</source>
        <translation>Not permitted: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="97"/>
        <source>内容有误：</source>
        <translation>Invalid content: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="98"/>
        <source>内容有误（%1）：</source>
        <translation>Invalid content (%1): </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="100"/>
        <source>附件尚未上传成功：</source>
        <translation>Attachment not uploaded yet: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="102"/>
        <source>该记录已在服务器上删除：</source>
        <translation>This record was deleted on the server: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="104"/>
        <source>该记录已被认定为虚假并撤销，不能再修改：</source>
        <translation>This record was revoked as false and can no longer be changed: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="106"/>
        <source>已认定的记录不能删除，请联系招商服务局撤销：</source>
        <translation>A recognised record can&apos;t be deleted; ask the Investment Service Bureau to revoke it: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="108"/>
        <source>该记录已被他人修改，请同步后重新决定：</source>
        <translation>Someone else changed this record; sync and decide again: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="110"/>
        <source>服务器拒收：</source>
        <translation>Rejected by the server: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="116"/>
        <source>本机数据库未打开：</source>
        <translation>The local database is not open: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="158"/>
        <source>无法创建文件夹 %1</source>
        <translation>Can&apos;t create folder %1</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="172"/>
        <source>本机数据库缺少设备编号</source>
        <translation>The local database has no device ID</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="204"/>
        <source>本机数据库无法写入：</source>
        <translation>Can&apos;t write to the local database: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="206"/>
        <source>修改未能保存：</source>
        <translation>The change was not saved: </translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="231"/>
        <source>人员由招商服务局的管理员维护，不能在设备上录入</source>
        <translation>People are maintained by the Investment Service Bureau&apos;s administrators and can&apos;t be entered on a device</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="248"/>
        <source>%1 在本机是 %2，不是 %3</source>
        <translation>%1 is a %2 on this device, not a %3</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="250"/>
        <source>%1 已在本机删除</source>
        <translation>%1 was deleted on this device</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="289"/>
        <location filename="../../core/localstore.cpp" line="314"/>
        <source>本机没有 %1</source>
        <translation>%1 is not on this device</translation>
    </message>
    <message>
        <location filename="../../core/localstore.cpp" line="291"/>
        <source>人员由招商服务局的管理员维护</source>
        <translation>People are maintained by the Investment Service Bureau&apos;s administrators</translation>
    </message>
    <message>
        <location filename="../../core/outbox.cpp" line="166"/>
        <source>服务器要求下一条修改为第 %1 条，但本机最早未确认的是第 %2 条</source>
        <translation>The server expects change no. %1 next, but the earliest unconfirmed change on this device is no. %2</translation>
    </message>
    <message>
        <location filename="../../core/decisionqueue.cpp" line="73"/>
        <source>这条记录已有一个待发送的认定决定</source>
        <translation>This record already has a decision waiting to be sent</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <location filename="../qml/Main.qml" line="93"/>
        <source>全员招商台账</source>
        <translation>All-Staff Investment Promotion Ledger</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="21"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="22"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="23"/>
        <source>拜访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="24"/>
        <source>外出招商</source>
        <translation>Outbound trips</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="25"/>
        <source>招商信息</source>
        <translation>Investment leads</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>到位资金</source>
        <translation>Funds arrived</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="28"/>
        <source>引荐企业</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="29"/>
        <source>签约活动</source>
        <translation>Signing events</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="30"/>
        <source>图谱绘制</source>
        <translation>Map completion</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="31"/>
        <source>总部经济</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="32"/>
        <source>领导小组加分</source>
        <translation>Leading group points</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="33"/>
        <source>个人分配</source>
        <translation>Personal shares</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="34"/>
        <source>认定审核</source>
        <translation>Recognition review</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="35"/>
        <source>得分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="36"/>
        <source>招商图谱</source>
        <translation>Investment map</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="37"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="38"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="86"/>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="86"/>
        <source>☰</source>
        <translation>☰</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../qml/MapPage.qml" line="11"/>
        <source>招商图谱</source>
        <translation>Investment map</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="28"/>
        <source>已拜访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="28"/>
        <source>在谈</source>
        <translation>In talks</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="28"/>
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="28"/>
        <source>已落地</source>
        <translation>Landed</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="28"/>
        <source>已开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="28"/>
        <source>目标企业</source>
        <translation>Target enterprise</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="46"/>
        <source>（新兴产业）</source>
        <translation> (emerging industry)</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="77"/>
        <source>暂无目标企业</source>
        <translation>No target enterprises yet</translation>
    </message>
</context>
<context>
    <name>PhotoCapture</name>
    <message>
        <location filename="../qml/PhotoCapture.qml" line="24"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../qml/PhotoCapture.qml" line="67"/>
        <source>这台设备没有可用的摄像头。可以选择已有的照片或文件作为证明材料。</source>
        <translation>This device has no camera. Choose an existing photo or file as proof instead.</translation>
    </message>
    <message>
        <location filename="../qml/PhotoCapture.qml" line="86"/>
        <source>拍摄</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../qml/PhotoCapture.qml" line="93"/>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
</context>
<context>
    <name>PoolSharesPage</name>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="12"/>
        <source>个人分配</source>
        <translation>Personal shares</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="41"/>
        <source>只有本单位的联络员可以设定个人分配；这里显示当前的分配。</source>
        <translation>Only the unit&apos;s contact sets the personal shares; the current shares are shown here.</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="55"/>
        <source>%1 全年个人分配总分值：%2 分</source>
        <translation>%1: personal pool for the year: %2</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="62"/>
        <source>现为联络员设定的分配</source>
        <translation>Shares as set by the contact</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="62"/>
        <source>现为默认分配（按各人记录）</source>
        <translation>Default shares (by each person&apos;s records)</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="84"/>
        <source>分</source>
        <translation>pts</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="93"/>
        <source>合计 %1 分，未超过总分值</source>
        <translation>Total %1, within the pool</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="97"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../qml/PoolSharesPage.qml" line="97"/>
        <source>保存个人分配</source>
        <translation>Save shares</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../qml/ProjectPage.qml" line="14"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="41"/>
        <source>总投资 %1 · %2</source>
        <translation>Total investment %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="47"/>
        <source>化工</source>
        <translation>Chemical</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="47"/>
        <source>省台账</source>
        <translation>Provincial ledger</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="48"/>
        <source>外资</source>
        <translation>Foreign-funded</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="48"/>
        <source>转型升级/承接转移</source>
        <translation>Upgrading / industry transfer</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="53"/>
        <source>编辑项目</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="55"/>
        <source>登记节点（签约/落地/开工）</source>
        <translation>Add milestone (signed / landed / started)</translation>
    </message>
    <message>
        <location filename="../qml/ProjectPage.qml" line="60"/>
        <source>项目节点</source>
        <translation>Milestones</translation>
    </message>
</context>
<context>
    <name>ProjectsPicker</name>
    <message>
        <location filename="../qml/ProjectsPicker.qml" line="20"/>
        <source>本机还没有项目记录</source>
        <translation>No projects on this device yet</translation>
    </message>
</context>
<context>
    <name>ProofField</name>
    <message>
        <location filename="../qml/ProofField.qml" line="38"/>
        <location filename="../qml/ProofField.qml" line="114"/>
        <source>选择文件或照片</source>
        <translation>Choose a file or photo</translation>
    </message>
    <message>
        <location filename="../qml/ProofField.qml" line="39"/>
        <source>文档和照片 (*.pdf *.jpg *.jpeg *.png *.heic *.docx *.xlsx)</source>
        <translation>Documents and photos (*.pdf *.jpg *.jpeg *.png *.heic *.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../qml/ProofField.qml" line="39"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../qml/ProofField.qml" line="86"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../qml/ProofField.qml" line="90"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/ProofField.qml" line="109"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../qml/ProofField.qml" line="109"/>
        <source>拍照（无摄像头）</source>
        <translation>Take photo (no camera)</translation>
    </message>
</context>
<context>
    <name>ProofViewer</name>
    <message>
        <location filename="../qml/ProofViewer.qml" line="34"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/ProofViewer.qml" line="58"/>
        <source>无法显示这张图片</source>
        <translation>Cannot show this image</translation>
    </message>
</context>
<context>
    <name>RecordDetailPage</name>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="21"/>
        <location filename="../qml/RecordDetailPage.qml" line="223"/>
        <location filename="../qml/RecordDetailPage.qml" line="233"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="71"/>
        <source>这条记录已不在待认定列表中</source>
        <translation>This record is no longer awaiting recognition</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="80"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="81"/>
        <source>企业地址</source>
        <translation>Enterprise address</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="82"/>
        <location filename="../qml/RecordDetailPage.qml" line="224"/>
        <location filename="../qml/RecordDetailPage.qml" line="234"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="83"/>
        <location filename="../qml/RecordDetailPage.qml" line="222"/>
        <location filename="../qml/RecordDetailPage.qml" line="232"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="84"/>
        <source>计分人员</source>
        <translation>People credited</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="85"/>
        <source>报送人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="86"/>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="87"/>
        <source>小结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="87"/>
        <source>成果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="88"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="95"/>
        <source>现场签到</source>
        <translation>On-site check-in</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="101"/>
        <source>未签到：%1</source>
        <translation>No check-in: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="104"/>
        <source>距企业注册地址</source>
        <translation>Distance from the registered site</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="106"/>
        <source>%1 米（超过 %2 米即标记）</source>
        <translation>%1 m (flagged beyond %2 m)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="107"/>
        <source>企业没有注册位置，无法对照</source>
        <translation>The enterprise has no registered site to compare with</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="110"/>
        <source>定位精度</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="111"/>
        <source>±%1 米（要求 ±%2 米以内）</source>
        <translation>±%1 m (±%2 m required)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="114"/>
        <source>定位时间</source>
        <translation>Fix time</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="117"/>
        <source>远距离签到的理由</source>
        <translation>Reason for checking in far away</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="134"/>
        <source>企业没有注册位置，无法画出签到位置</source>
        <translation>The enterprise has no registered site; the check-in cannot be drawn</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="142"/>
        <source>■ 企业注册位置&#x3000;● 签到位置及其精度范围&#x3000;虚线：%1 米范围</source>
        <translation>■ registered site&#x3000;● check-in and its accuracy&#x3000;dashed: %1 m range</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="147"/>
        <source>证明材料（%1 份）</source>
        <translation>Proofs (%1)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="178"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="184"/>
        <source>正在下载…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="184"/>
        <source>下载查看</source>
        <translation>Download to view</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="189"/>
        <source>查看大图</source>
        <translation>View full size</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="189"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="204"/>
        <source>重复申报</source>
        <translation>Duplicate filing</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="221"/>
        <source>先行备案</source>
        <translation>Filed first</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="231"/>
        <source>本条（重复申报）</source>
        <translation>This record (duplicate filing)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="243"/>
        <source>%1 重复申报：%2</source>
        <translation>%1 filed a duplicate: %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="256"/>
        <source>认定理由</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="259"/>
        <source>本条份额（联合认定，0 到 1 之间）</source>
        <translation>This record's share (joint credit, between 0 and 1)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="273"/>
        <source>功劳归先行备案单位</source>
        <translation>Credit to the unit that filed first</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="279"/>
        <source>功劳移交本单位</source>
        <translation>Credit moved to this unit</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="285"/>
        <source>联合认定</source>
        <translation>Joint credit</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="295"/>
        <source>认定方式</source>
        <translation>How recognised</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="302"/>
        <location filename="../qml/RecordDetailPage.qml" line="306"/>
        <source>领导小组认定</source>
        <translation>Recognised by the leading group</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="303"/>
        <source>认定理由（领导小组会议研究意见）</source>
        <translation>Reason (the leading group meeting's conclusion)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="304"/>
        <source>会议日期，如 2023-11-20</source>
        <translation>Meeting date, e.g. 2023-11-20</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetailPage.qml" line="328"/>
        <source>已决定“%1”，保存在本机，待发送</source>
        <translation>Decided “%1”; kept on this device, waiting to be sent</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../qml/RecordForm.qml" line="29"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="108"/>
        <source>已退回：%1</source>
        <translation>Returned: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="116"/>
        <source>草稿：只保存在本机，点“保存”后才会提交和同步</source>
        <translation>Draft: kept on this device only; it is submitted and synced when you tap Save</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="123"/>
        <source>服务器未接收：%1。请修改后重新保存。</source>
        <translation>Not accepted by the server: %1. Please correct it and save again.</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="501"/>
        <source>注意：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="511"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="517"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="525"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="253"/>
        <source>未选择</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="270"/>
        <source>（新兴）</source>
        <translation> (emerging)</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="298"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="307"/>
        <source>机构或企业家名称</source>
        <translation>Institution or entrepreneur name</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="321"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="341"/>
        <source>否（不属于外出招商）</source>
        <translation>No (not on an outbound trip)</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="366"/>
        <source>还没有本次外出的拜访记录</source>
        <translation>No visits recorded on this trip yet</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="380"/>
        <source> · 已签到</source>
        <translation> · checked in</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="386"/>
        <source>拜访记录中已选本次外出</source>
        <translation>Trip chosen on the visit</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="391"/>
        <source>移出</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="397"/>
        <source>新建本次外出的拜访</source>
        <translation>New visit on this trip</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="403"/>
        <source>外出期间的其他拜访，可加入本次外出：</source>
        <translation>Other visits during the trip, to add to it:</translation>
    </message>
    <message>
        <location filename="../qml/RecordForm.qml" line="421"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../qml/RecordsPage.qml" line="35"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../qml/RecordsPage.qml" line="37"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../qml/RecordsPage.qml" line="65"/>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../qml/RecordsPage.qml" line="75"/>
        <source>还没有记录</source>
        <translation>No records yet</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="22"/>
        <source>认定</source>
        <translation>Recognise</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="23"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="24"/>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="182"/>
        <source>认定虚假</source>
        <translation>Revoke as false</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="25"/>
        <source>重新提交</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="26"/>
        <source>领导小组认定</source>
        <translation>Recognised by the leading group</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="179"/>
        <source>待认定</source>
        <translation>Awaiting recognition</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="180"/>
        <source>已认定</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/reviewflow.cpp" line="181"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <location filename="../qml/ScoresPage.qml" line="11"/>
        <source>得分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="35"/>
        <source>第%1季度</source>
        <translation>Q%1</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="41"/>
        <source>仅本季度</source>
        <translation>This quarter only</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="46"/>
        <source>同步后显示得分</source>
        <translation>Scores appear after sync</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="51"/>
        <location filename="../qml/ScoresPage.qml" line="55"/>
        <source>已签认 %1</source>
        <translation>Signed off %1</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="51"/>
        <location filename="../qml/ScoresPage.qml" line="55"/>
        <source>暂定</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="60"/>
        <source>单位排名</source>
        <translation>Unit ranking</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="73"/>
        <source>任务 %1 + 加分 %2</source>
        <translation>Tasks %1 + bonus %2</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="79"/>
        <source>本组任务（%1）</source>
        <translation>Our group&apos;s tasks (%1)</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="89"/>
        <source>%1 / %2 分</source>
        <translation>%1 / %2 pts</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="94"/>
        <source>完成 %1 / 目标 %2，依据 %3 条记录</source>
        <translation>Achieved %1 / target %2 · records: %3</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="116"/>
        <source>本单位加分</source>
        <translation>Our unit&apos;s bonus points</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="124"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="125"/>
        <source>（上限 %1）</source>
        <translation> (cap %1)</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="128"/>
        <source>个人分值</source>
        <translation>Personal shares</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="136"/>
        <source>%1 分，依据 %2 条记录</source>
        <translation>%1 pts · records: %2</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="105"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../qml/ScoresPage.qml" line="106"/>
        <source>%1  %2（不计：%3）</source>
        <translation>%1  %2 (not counted: %3)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/SettingsPage.qml" line="11"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="16"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="18"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="25"/>
        <source>现场签到规则（来自考核方案）</source>
        <translation>On-site check-in rules (from the assessment scheme)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="26"/>
        <source>定位精度达到 %1 米以内时自动签到</source>
        <translation>Checks in automatically once location accuracy is within %1 m</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="27"/>
        <source>距企业注册地址超过 %1 米时标记</source>
        <translation>Flagged when more than %1 m from the registered address</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="28"/>
        <source>与上次签到之间速度超过 %1 公里/小时时标记</source>
        <translation>Flagged when travel speed since the last check-in exceeds %1 km/h</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="36"/>
        <source>本次启动使用定位回放（演示），所有签到都标记为模拟定位</source>
        <translation>This run replays a recorded GPS log (demo): every check-in is flagged as a simulated location</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="38"/>
        <source>本机编号：%1</source>
        <translation>Device ID: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="39"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="9"/>
        <location filename="../qml/SignInPage.qml" line="53"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="24"/>
        <source>全员招商台账</source>
        <translation>All-Staff Investment Promotion Ledger</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="29"/>
        <source>新乡经济开发区 · 招商服务局</source>
        <translation>Xinxiang Economic Development Zone · Investment Service Bureau</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="34"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="36"/>
        <source>账号</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="38"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="53"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../qml/SyncPage.qml" line="13"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="20"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="26"/>
        <source>最近一次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="31"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="34"/>
        <source>服务器未接收的记录</source>
        <translation>Records not accepted by the server</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="55"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="57"/>
        <source>待处理的修改冲突</source>
        <translation>Edit conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="69"/>
        <source>%1 · 字段“%2”</source>
        <translation>%1 · field &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="74"/>
        <source>服务器上的值</source>
        <translation>Server value</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="76"/>
        <source>保留服务器的值</source>
        <translation>Keep server value</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="80"/>
        <source>本机修改的值</source>
        <translation>Value edited on this device</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="82"/>
        <source>采用本机的值</source>
        <translation>Use this device&apos;s value</translation>
    </message>
</context>
<context>
    <name>ToDoList</name>
    <message>
        <location filename="../qml/ToDoList.qml" line="23"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="35"/>
        <source>提醒：%1</source>
        <translation>Reminder: %1</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="47"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="48"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="49"/>
        <source>未接收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="50"/>
        <source>缺材料</source>
        <translation>Evidence missing</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="59"/>
        <source>【%1】%2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <location filename="../qml/ToDoList.qml" line="75"/>
        <source>没有待办事项</source>
        <translation>Nothing to do</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../qml/UnitPicker.qml" line="13"/>
        <source>请选择单位</source>
        <translation>Choose a unit</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../qml/forms.js" line="6"/>
        <source>国家级科研机构</source>
        <translation>National research institution</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="7"/>
        <source>重点产业投资机构</source>
        <translation>Key industrial investment institution</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="8"/>
        <source>行业知名企业家</source>
        <translation>Renowned industry entrepreneur</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="9"/>
        <source>国家级行业协会</source>
        <translation>National industry association</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="14"/>
        <source>拜访企业</source>
        <translation>Enterprise visited</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="16"/>
        <location filename="../qml/forms.js" line="78"/>
        <source>拜访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="17"/>
        <source>拜访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="18"/>
        <source>拜访成果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="19"/>
        <location filename="../qml/forms.js" line="52"/>
        <location filename="../qml/forms.js" line="63"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="21"/>
        <source>拜访对象属于</source>
        <translation>Type of party visited</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="22"/>
        <source>一般企业</source>
        <translation>Ordinary enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="15"/>
        <source>现场签到</source>
        <translation>On-site check-in</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="20"/>
        <source>外出招商期间的拜访</source>
        <translation>Made on an outbound trip</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="23"/>
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="26"/>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="27"/>
        <source>出发日期</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="28"/>
        <source>返回日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="29"/>
        <source>围绕主导产业</source>
        <translation>Leading industries targeted</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="30"/>
        <source>本次外出拜访的企业</source>
        <translation>Enterprises visited on this trip</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="31"/>
        <source>拜访的机构</source>
        <translation>Institutions visited</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="32"/>
        <source>外出招商情况小结</source>
        <translation>Trip summary</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="35"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="36"/>
        <source>明确的投资意向</source>
        <translation>Clear investment intention</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="38"/>
        <location filename="../qml/forms.js" line="46"/>
        <source>所属产业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="39"/>
        <source>报送日期</source>
        <translation>Date submitted</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="40"/>
        <source>信息来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="43"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="44"/>
        <source>投资企业</source>
        <translation>Investing enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="37"/>
        <source>预计投资</source>
        <translation>Expected investment</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="45"/>
        <source>总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="47"/>
        <source>化工项目</source>
        <translation>Chemical project</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="48"/>
        <source>列入省台账</source>
        <translation>On the provincial ledger</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="49"/>
        <source>外资项目</source>
        <translation>Foreign-funded project</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="50"/>
        <source>转型升级/承接转移</source>
        <translation>Upgrading / industry transfer</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="51"/>
        <source>洽谈开始日期</source>
        <translation>In talks since</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="55"/>
        <source>节点</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="56"/>
        <source>签约（正式投资协议）</source>
        <translation>Signed (formal investment agreement)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="57"/>
        <source>落地（注册独立法人并完成税务登记）</source>
        <translation>Landed (independent legal entity registered, tax registration completed)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="58"/>
        <source>开工（实质性开工建设）</source>
        <translation>Started (substantive construction under way)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="59"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="60"/>
        <source>已在开发区注册独立核算法人企业</source>
        <translation>Independently accounted legal entity registered in the zone</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="61"/>
        <location filename="../qml/forms.js" line="112"/>
        <source>已完成税务登记</source>
        <translation>Tax registration completed</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="62"/>
        <source>证明材料（协议、执照、现场照片）</source>
        <translation>Evidence (agreement, licence, site photos)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="66"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="67"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="68"/>
        <source>省（市）外资金（人民币）</source>
        <translation>Funds from outside the province/city (RMB)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="69"/>
        <source>外资资本金（美元）</source>
        <translation>Foreign registered capital (USD)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="70"/>
        <source>外资增资（美元）</source>
        <translation>Foreign capital increase (USD)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="71"/>
        <source>到位金额</source>
        <translation>Amount arrived</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="72"/>
        <source>到位日期</source>
        <translation>Date arrived</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="73"/>
        <source>付款方</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="74"/>
        <source>投资方书面证明材料</source>
        <translation>Investor&apos;s written proof</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="77"/>
        <source>引荐的企业</source>
        <translation>Referred enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="79"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="80"/>
        <source>企业来我区拜访</source>
        <translation>Enterprise visited our zone</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="81"/>
        <source>邀请我区赴企业拜访</source>
        <translation>Enterprise invited our zone to visit</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="82"/>
        <source>与主导产业相关联</source>
        <translation>Linked to a leading industry</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="83"/>
        <source>外资企业</source>
        <translation>Foreign-invested enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="84"/>
        <location filename="../qml/forms.js" line="98"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="85"/>
        <source>证明（照片、接待记录）</source>
        <translation>Proof (photos, reception records)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="89"/>
        <source>签约活动名称</source>
        <translation>Signing event title</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="90"/>
        <source>签约日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="91"/>
        <source>地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="92"/>
        <source>签约的项目</source>
        <translation>Projects signed</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="93"/>
        <source>证明材料（签约现场照片、协议）</source>
        <translation>Evidence (photos of the signing, agreements)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="96"/>
        <source>完成日期</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="97"/>
        <source>绘制招商图谱的产业</source>
        <translation>Industries mapped</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="99"/>
        <source>招商图谱文件</source>
        <translation>Investment map files</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="103"/>
        <source>申报单位</source>
        <translation>Claiming unit</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="104"/>
        <source>总部企业</source>
        <translation>Headquarters enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="105"/>
        <source>总部类型</source>
        <translation>Headquarters type</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="106"/>
        <source>进出口总部</source>
        <translation>Import/export headquarters</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="107"/>
        <source>建筑业总部</source>
        <translation>Construction headquarters</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="108"/>
        <source>金融类总部</source>
        <translation>Financial headquarters</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="109"/>
        <source>入区协议签订日期</source>
        <translation>Entry agreement signed on</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="110"/>
        <source>申报日期</source>
        <translation>Claim date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="111"/>
        <source>已完成工商注册</source>
        <translation>Business registration done</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="113"/>
        <source>年度进出口额（元）</source>
        <translation>Annual import/export value (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="114"/>
        <source>年产值（元）</source>
        <translation>Annual output (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="115"/>
        <source>地方财政贡献（元）</source>
        <translation>Local fiscal contribution (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="116"/>
        <source>注册资本（元）</source>
        <translation>Registered capital (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="117"/>
        <source>实缴资本（元）</source>
        <translation>Paid-in capital (yuan)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="118"/>
        <source>证明材料（协议、执照、海关或税务证明）</source>
        <translation>Evidence (agreement, licence, customs or tax proof)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="122"/>
        <source>加分单位</source>
        <translation>Unit awarded</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="123"/>
        <source>加分类别</source>
        <translation>Award category</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="124"/>
        <source>战略性新兴产业项目</source>
        <translation>Strategic emerging industry project</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="125"/>
        <source>科研机构</source>
        <translation>Research institution</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="126"/>
        <source>世界500强企业</source>
        <translation>Fortune 500 enterprise</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="127"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="128"/>
        <source>加分（分，如 1.5）</source>
        <translation>Points (e.g. 1.5)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="129"/>
        <source>加分理由（领导小组决定）</source>
        <translation>Reason (the leading group&apos;s decision)</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="130"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../qml/forms.js" line="131"/>
        <source>相关企业</source>
        <translation>Enterprise concerned</translation>
    </message>
</context>
<context>
    <name>ledger</name>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="25"/>
        <location filename="../../../shared/ledger/errors.cpp" line="27"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="28"/>
        <source>类型不对：应为 %1，实际是 %2</source>
        <translation>Wrong type: expected %1, got %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="29"/>
        <source>太长：%1 个字，最多 %2 个字</source>
        <translation>Too long: %1 characters, at most %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="30"/>
        <source>太多：%1 项，最多 %2 项</source>
        <translation>Too many: %1 items, at most %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="31"/>
        <source>不能为负数</source>
        <translation>Must not be negative</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="32"/>
        <source>不能小于 %1</source>
        <translation>Must not be less than %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="33"/>
        <source>应在 %1 到 %2 之间，实际是 %3</source>
        <translation>Must be between %1 and %2, got %3</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="34"/>
        <source>须大于零</source>
        <translation>Must be greater than zero</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="35"/>
        <source>须为有限的数</source>
        <translation>Must be a finite number</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="36"/>
        <source>须为整数</source>
        <translation>Must be a whole number</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="37"/>
        <source>不是有效的日期（应为 年-月-日，如 2023-06-30）</source>
        <translation>Not a valid date (year-month-day, e.g. 2023-06-30)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="39"/>
        <source>不是有效的时刻（应为协调世界时，如 2023-06-30T08:00:00Z）</source>
        <translation>Not a valid time (UTC, e.g. 2023-06-30T08:00:00Z)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="41"/>
        <source>不是有效的编号（应为小写的 UUID，如 3f2504e0-4f89-41d3-9a0c-0305e82c3301）</source>
        <translation>Not a valid ID (a lower-case UUID, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="42"/>
        <source>不是有效的单位代码（2 到 8 位大写字母或数字）</source>
        <translation>Not a valid unit code (2 to 8 capital letters or digits)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="43"/>
        <source>不是有效的 SHA-256（64 位小写十六进制字符）</source>
        <translation>Not a valid SHA-256 (64 lower-case hex characters)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="44"/>
        <source>未知的值“%1”，可选：%2</source>
        <translation>Unknown value “%1”; choose from: %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="45"/>
        <source>不认识的条件，可选：%1</source>
        <translation>Unknown condition; choose from: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="46"/>
        <source>币种应为 %1，实际是 %2</source>
        <translation>Currency must be %1, got %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="47"/>
        <source>金额格式不对：最多两位小数，如 1011.50</source>
        <translation>Not a valid amount: at most two decimals, e.g. 1011.50</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="48"/>
        <source>分值格式不对：最多四位小数，如 0.5</source>
        <translation>Not a valid score: at most four decimals, e.g. 0.5</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="49"/>
        <source>不支持的版本 %1，本程序读取版本 %2</source>
        <translation>Unsupported version %1; this program reads version %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="50"/>
        <source>没有现场签到时须说明原因</source>
        <translation>Give a reason when there is no on-site check-in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="51"/>
        <source>不能早于开始日期（%1）</source>
        <translation>Must not be before the start date (%1)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="52"/>
        <source>不是有效的 JSON（第 %1 个字节处：%2）</source>
        <translation>Not valid JSON (at byte %1: %2)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="53"/>
        <source>无法读取：%1</source>
        <translation>Can&apos;t read: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="54"/>
        <source>含有不允许的控制字符 %1（位置 %2）</source>
        <translation>Contains a control character that is not allowed: %1 (at %2)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="55"/>
        <source>嵌套太深：最多 %1 层</source>
        <translation>Nested too deep: at most %1 levels</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="56"/>
        <source>不认识的字段“%1”</source>
        <translation>Unknown field “%1”</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="57"/>
        <source>不能大于 %1</source>
        <translation>Cannot be greater than %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="58"/>
        <source>合计超出了可计算的范围（%1），按最大值计</source>
        <translation>The total is beyond the range that can be computed (%1); the largest value is used</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="61"/>
        <source>统一社会信用代码有 %1 位，这里是 %2 位</source>
        <translation>A unified social credit code has %1 characters; this one has %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="63"/>
        <source>第 %2 位的“%1”是小写字母，请写作“%3”</source>
        <translation>“%1” at position %2 is lower case; write “%3”</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="65"/>
        <source>第 %2 位的“%1”是小写字母，而且字母 I、O、Z、S、V 从不使用</source>
        <translation>“%1” at position %2 is lower case, and the letters I, O, Z, S, V are never used</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="67"/>
        <source>第 %2 位的“%1”不允许：统一社会信用代码从不使用字母 I、O、Z、S、V</source>
        <translation>“%1” at position %2 is not allowed: unified social credit codes never use the letters I, O, Z, S, V</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="69"/>
        <source>第 %2 位的“%1”是全角字符，请把输入法切换到半角</source>
        <translation>“%1” at position %2 is a full-width character; switch the input method to half-width</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="70"/>
        <source>第 %1 位是空格，统一社会信用代码中不能有空格</source>
        <translation>Position %1 is a space; a unified social credit code has no spaces</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="72"/>
        <source>第 %2 位的“%1”不允许：只能使用数字 0-9 和大写字母 ABCDEFGHJKLMNPQRTUWXY</source>
        <translation>“%1” at position %2 is not allowed: only digits 0-9 and capital letters ABCDEFGHJKLMNPQRTUWXY</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="74"/>
        <source>校验位（第 18 位）不对：应为 %1，实际是 %2（可能有字符输错）</source>
        <translation>Wrong check character (position 18): expected %1, got %2 (a character may be mistyped)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="76"/>
        <source>“%1”重复出现</source>
        <translation>“%1” appears more than once</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="77"/>
        <source>至少要有一项</source>
        <translation>At least one item is required</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="78"/>
        <source>单位“%1”已在 %2 中</source>
        <translation>Unit “%1” is already in %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="79"/>
        <source>单位“%1”不在任何组中</source>
        <translation>Unit “%1” is in no group</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="80"/>
        <source>%1 不是合理的年份</source>
        <translation>%1 is not a plausible year</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="82"/>
        <source>只有项目节点数或投资额的指标才能带“其中”条件</source>
        <translation>Only project milestone count or investment targets can have an “of which” condition</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="83"/>
        <source>外出招商的指标只能带“主导产业”这一个条件</source>
        <translation>Outbound trip targets can only have the “leading industry” condition</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="84"/>
        <source>“%1”的指标不能带条件</source>
        <translation>Targets for “%1” can&apos;t have conditions</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="85"/>
        <source>“其中”条件和它的目标须同时给出</source>
        <translation>An “of which” condition and its target must be given together</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="86"/>
        <source>大于总目标</source>
        <translation>Greater than the overall target</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="87"/>
        <source>未知的全区目标“%1”</source>
        <translation>Unknown zone target “%1”</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="88"/>
        <source>任务计量的内容与全区目标“%1”不同</source>
        <translation>The task measures something other than zone target “%1”</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="89"/>
        <source>各任务分值合计 %1，不等于组的总分 %2</source>
        <translation>Task points add up to %1, not the group&apos;s total of %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="90"/>
        <source>各组“%1”的目标合计 %2，不等于全区的 %3</source>
        <translation>Group targets for “%1” add up to %2, not the zone&apos;s %3</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="92"/>
        <source>各组“%1”的“其中”目标合计 %2，不等于全区的 %3</source>
        <translation>Group “of which” targets for “%1” add up to %2, not the zone&apos;s %3</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="94"/>
        <source>未选择拜访的企业</source>
        <translation>No enterprise visited selected</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="95"/>
        <source>缺少拜访日期</source>
        <translation>Visit date missing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="96"/>
        <source>未填写拜访成果</source>
        <translation>Visit outcome not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="97"/>
        <source>既没有现场定位签到，也没有说明无法签到的原因</source>
        <translation>No on-site check-in and no reason why check-in was impossible</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="98"/>
        <source>未填写外出招商目的地</source>
        <translation>Trip destination not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="99"/>
        <source>出发和返回日期不完整或顺序不对</source>
        <translation>Departure and return dates incomplete or in the wrong order</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="100"/>
        <source>未填写外出人员</source>
        <translation>Trip members not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="101"/>
        <source>外出招商须围绕主导产业开展，未选择主导产业</source>
        <translation>An outbound trip must target the leading industries; none selected</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="102"/>
        <source>未提交外出招商情况小结</source>
        <translation>Trip summary not submitted</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="103"/>
        <source>未填写企业名称</source>
        <translation>Enterprise name not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="104"/>
        <source>没有明确的投资意向，不属于有价值的招商引资信息</source>
        <translation>No clear investment intention, so not a valuable lead</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="105"/>
        <source>缺少报送日期</source>
        <translation>Filing date missing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="106"/>
        <source>未选择投资企业</source>
        <translation>No investing enterprise selected</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="107"/>
        <source>未填写项目名称</source>
        <translation>Project name not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="108"/>
        <source>未填写投资额</source>
        <translation>Investment not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="109"/>
        <source>所属项目不在台账中</source>
        <translation>The project is not in the ledger</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="110"/>
        <source>所属项目已被认定为虚假：%1</source>
        <translation>The project was revoked as false: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="111"/>
        <source>缺少签约日期</source>
        <translation>Signing date missing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="112"/>
        <source>缺少落地日期</source>
        <translation>Landing date missing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="113"/>
        <source>缺少开工日期</source>
        <translation>Start date missing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="114"/>
        <source>签约项目须上传正式投资协议</source>
        <translation>A signed project needs the formal investment agreement uploaded</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="115"/>
        <source>落地项目须在开发区注册为独立核算法人企业</source>
        <translation>A landed project must be registered in the zone as an independently accounted legal entity</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="116"/>
        <source>落地项目须完成税务登记</source>
        <translation>A landed project must have completed tax registration</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="117"/>
        <source>落地项目须上传营业执照和税务登记证明</source>
        <translation>A landed project needs the business licence and tax registration proof uploaded</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="119"/>
        <source>开工项目须上传实质性开工建设的证明（现场照片或施工许可）</source>
        <translation>A started project needs proof of substantive construction uploaded (site photos or construction permit)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="120"/>
        <source>到位金额须大于零</source>
        <translation>Funds arrived must be greater than zero</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="121"/>
        <source>缺少到位日期</source>
        <translation>Arrival date missing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="122"/>
        <source>须有投资方提供的书面证明材料</source>
        <translation>Written proof from the investor is required</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="123"/>
        <source>引荐的企业须与主导产业相关联或为外资企业</source>
        <translation>The referred enterprise must be linked to a leading industry or foreign-invested</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="124"/>
        <source>须说明或附上拜访的证明（照片、接待记录）</source>
        <translation>Describe or attach proof of the visit (photos, reception record)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="125"/>
        <source>须签订入区协议</source>
        <translation>The entry agreement must be signed</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="126"/>
        <source>须完成工商注册</source>
        <translation>Business registration must be completed</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="127"/>
        <source>须完成税务注册</source>
        <translation>Tax registration must be completed</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="129"/>
        <source>进出口企业总部：当年海关反馈进出口额 %1 未达到 %2</source>
        <translation>Import/export HQ: customs-reported import/export value %1 for the year is below %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="130"/>
        <source>建筑企业总部：年产值 %1 未达到 %2</source>
        <translation>Construction HQ: annual output %1 is below %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="131"/>
        <source>建筑企业总部：年度财政贡献地方留存 %1 未达到 %2</source>
        <translation>Construction HQ: locally retained fiscal contribution %1 for the year is below %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="133"/>
        <source>金融法人机构或总部：注册资金 %1 未达到 %2</source>
        <translation>Financial institution or HQ: registered capital %1 is below %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="134"/>
        <source>金融法人机构或总部：实际到位注册资金 %1 未达到 %2</source>
        <translation>Financial institution or HQ: paid-in registered capital %1 is below %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="135"/>
        <source>须上传协议、注册和数额的证明材料</source>
        <translation>Upload proof of the agreement, the registrations and the amounts</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="136"/>
        <source>加分须大于零</source>
        <translation>Bonus points must be greater than zero</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="137"/>
        <source>领导小组加分须写明理由</source>
        <translation>A leading group bonus needs a stated reason</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="138"/>
        <source>未填写签约活动名称</source>
        <translation>Signing event name not filled in</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="139"/>
        <source>须上传签约活动的证明（照片、通稿）</source>
        <translation>Upload proof of the signing event (photos, press release)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="140"/>
        <source>未列出图谱覆盖的主导产业</source>
        <translation>The leading industries the map covers are not listed</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="141"/>
        <source>须上传招商图谱</source>
        <translation>Upload the investment map</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="143"/>
        <source>待招商服务局认定</source>
        <translation>Awaiting recognition by the Investment Service Bureau</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="144"/>
        <source>已退回，待修改后重新提交：%1</source>
        <translation>Returned; correct and resubmit: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="145"/>
        <source>已认定为虚假信息，分值取消，单位和个人取消评先资格：%1</source>
        <translation>Revoked as false information: points cancelled, unit and people lose award eligibility: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="146"/>
        <source>发生在%1年，不计入%2年考核</source>
        <translation>Happened in %1, so it doesn&apos;t count for the %2 assessment</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="148"/>
        <source>在谈项目本身不计分；签约、落地、开工各节点认定后计分</source>
        <translation>A project in talks earns no points itself; its signed, landed and started milestones do once recognised</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="150"/>
        <source>企业拜访本身不计分；拜访国家级机构、投资机构、知名企业家、行业协会计入遍访任务，引荐拜访计入加分</source>
        <translation>An enterprise visit earns no points itself; visits to national institutions, investment institutions, renowned entrepreneurs and industry associations count for the visits task, referral visits for bonus points</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="152"/>
        <source>重复申报，待认定：%1已先行备案%2，认定前不计分</source>
        <translation>Duplicate filing, awaiting a decision: %1 filed %2 first; it counts for nobody until decided</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="153"/>
        <source>重复申报，经认定功劳归先行备案的%1：%2</source>
        <translation>Duplicate filing: the credit was decided for %1, which filed first: %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="154"/>
        <source>经认定，功劳移交%1：%2</source>
        <translation>The credit was moved to %1: %2</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="156"/>
        <source>距企业注册地址超过%1米</source>
        <translation>More than %1 m from the enterprise&apos;s registered address</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="157"/>
        <source>手机报告为模拟位置（疑似虚拟定位）</source>
        <translation>The phone reported a mock location (suspected location spoofing)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="159"/>
        <source>坐标与本人此前某次签到完全相同，真实定位不会精确重复</source>
        <translation>Coordinates identical to an earlier check-in of yours; real fixes never repeat exactly</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="160"/>
        <source>与本人上一次签到相比，移动速度超过每小时%1公里</source>
        <translation>Travel speed since your last check-in exceeds %1 km/h</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="161"/>
        <source>定位误差大于%1米或未知，由本人确认后提交</source>
        <translation>Location accuracy worse than %1 m or unknown; submitted on the user&apos;s confirmation</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="162"/>
        <source>企业没有登记注册地址坐标，无法核对签到距离</source>
        <translation>The enterprise has no registered coordinates, so the check-in distance can&apos;t be checked</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="164"/>
        <source>单位“%1”不在考核方案 %2 中，其记录不计分</source>
        <translation>Unit “%1” is not in assessment scheme %2; its records earn no points</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="166"/>
        <source>考核方案 %1 考核 %2 年的第 1 至 4 季度，不含 %3 年第 %4 季度</source>
        <translation>Assessment scheme %1 covers Q1 to Q4 of %2, not Q%4 of %3</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="167"/>
        <source>只有招商服务局的审核人员可以认定、退回或认定虚假</source>
        <translation>Only the bureau&apos;s reviewers may recognise, return or revoke records</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="168"/>
        <source>只有记录的填报人或本单位联络员可以修改这条记录</source>
        <translation>Only the record&apos;s author or the unit&apos;s contact may change this record</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="169"/>
        <source>%1须写明理由</source>
        <translation>%1 needs a reason</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="170"/>
        <source>记录处于“%1”状态，不能%2；只有“%3”状态的记录可以</source>
        <translation>The record is “%1”, so it cannot be given “%2”; only records that are “%3” can</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="171"/>
        <source>%1 的分配份额为负数，按默认份额分配</source>
        <translation>%1&apos;s share is negative; default shares are used</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="172"/>
        <source>%1 不是单位 %2 的人员，按默认份额分配</source>
        <translation>%1 is not a member of unit %2; default shares are used</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="173"/>
        <source>分配份额合计 %1，超过了个人分值池 %2，按默认份额分配</source>
        <translation>Shares add up to %1, more than the personal points pool of %2; default shares are used</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="175"/>
        <source>需要以下角色之一：%1</source>
        <translation>Needs one of these roles: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="176"/>
        <source>无权进行此操作</source>
        <translation>You may not do this</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="177"/>
        <source>没有这条记录，或无权查看</source>
        <translation>No such record, or you may not see it</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="178"/>
        <source>只有各单位的工作人员可以填报记录</source>
        <translation>Only the units&apos; staff enter records</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="179"/>
        <source>只能填报本单位（%1）的记录</source>
        <translation>You may only enter records of your own unit (%1)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="180"/>
        <source>自由裁量加分由招商服务局的审核人员录入</source>
        <translation>Discretionary points are entered by the Investment Service Bureau&apos;s reviewers</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="182"/>
        <source>只有添加这家企业的单位或招商服务局可以修改或删除它</source>
        <translation>Only the unit that added this enterprise, or the Investment Service Bureau, may change or delete it</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="183"/>
        <source>不能认定、退回或认定虚假本人填报或署名的记录</source>
        <translation>You cannot recognise, return or revoke a record you entered or are credited on</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="184"/>
        <source>这条记录不是重复申报</source>
        <translation>This record is not a duplicate filing</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="185"/>
        <source>须选择认定结果：%1</source>
        <translation>Choose a decision: %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="186"/>
        <source>联合认定须给出份额，其他认定结果不带份额</source>
        <translation>A joint credit needs a share; other decisions take none</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="187"/>
        <source>份额应大于 0 且小于 1（如 0.4），实际是 %1</source>
        <translation>The share must be more than 0 and less than 1 (e.g. 0.4), not %1</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="188"/>
        <source>各联合认定的份额合计 %1，先行备案的单位须保留一部分</source>
        <translation>The joint shares add up to %1; the unit that filed first must keep a part</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="189"/>
        <source>功劳已移交给另一条重复申报，须先改回</source>
        <translation>The credit has moved to another duplicate filing; undo that first</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="190"/>
        <source>功劳已与其他重复申报联合认定，不能整体移交</source>
        <translation>The credit is shared with other duplicate filings; it cannot move whole</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="191"/>
        <source>领导小组认定须写明会议日期</source>
        <translation>A leading-group recognition needs the meeting's date</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="192"/>
        <source>会议日期 %1 还没有到</source>
        <translation>The meeting date %1 is in the future</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="194"/>
        <source>领导小组认定只适用于项目节点（签约、落地、开工）</source>
        <translation>The leading group recognises project stages only (signed, landed, started)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="195"/>
        <source>领导小组认定由区招商引资工作领导小组的领导作出</source>
        <translation>Only a leader of the zone's investment leading group makes a leading-group recognition</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="196"/>
        <source>没有这个文件，或无权查看</source>
        <translation>No such file, or you may not see it</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="197"/>
        <source>登录名或密码不对，或账号已停用</source>
        <translation>Wrong login or password, or the account is disabled</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="198"/>
        <source>登录失败次数过多，请 %1 秒后再试</source>
        <translation>Too many failed sign-ins; try again in %1 seconds</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="199"/>
        <source>当前密码不对</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="200"/>
        <source>密码应为 %1 到 %2 个字符</source>
        <translation>A password has %1 to %2 characters</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="202"/>
        <source>新增或修改须附带记录的内容</source>
        <translation>An upsert must carry the record</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="203"/>
        <source>删除须给出记录的编号</source>
        <translation>A delete must give the record&apos;s id</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="205"/>
        <source>跳过的变更须注明第一次的处理结果（applied 或 rejected）</source>
        <translation>A skipped change must say how it was first answered (applied or rejected)</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="206"/>
        <source>被拒收的变更须说明原因</source>
        <translation>A rejected change must give the reason</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="207"/>
        <source>已接收的变更须给出记录的编号</source>
        <translation>An applied change must give the record&apos;s id</translation>
    </message>
    <message>
        <location filename="../../../shared/ledger/errors.cpp" line="208"/>
        <source>计数为 %1，多于列出的 %2 条结果</source>
        <translation>The count is %1, more than the %2 results listed</translation>
    </message>
</context>
<context>
    <name>mobile::CheckInController</name>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="83"/>
        <location filename="../../positioning/checkincontroller.cpp" line="269"/>
        <location filename="../../positioning/checkincontroller.cpp" line="351"/>
        <source>定位服务不可用</source>
        <translation>Location service unavailable</translation>
    </message>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="361"/>
        <source>%1秒内未获得定位（室内或无GPS信号）</source>
        <translation>No location fix within %1 s (indoors or no GPS signal)</translation>
    </message>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="363"/>
        <source>%1秒内定位精度未达到要求（当前 ±%2 米，要求 ≤%3 米）</source>
        <translation>Accuracy not good enough within %1 s (now ±%2 m, required ≤%3 m)</translation>
    </message>
    <message>
        <location filename="../../positioning/checkincontroller.cpp" line="366"/>
        <source>%1秒内未获得已知精度的定位（要求 ≤%2 米）</source>
        <translation>No fix with known accuracy within %1 s (required ≤%2 m)</translation>
    </message>
</context>
<context>
    <name>mobile::Format</name>
    <message>
        <location filename="../format.cpp" line="18"/>
        <source>企业拜访</source>
        <translation>Enterprise visit</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="18"/>
        <source>外出招商</source>
        <translation>Outbound trip</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="19"/>
        <source>招商信息</source>
        <translation>Investment lead</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="19"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="20"/>
        <source>项目节点</source>
        <translation>Project milestone</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="20"/>
        <source>到位资金</source>
        <translation>Funds arrived</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="21"/>
        <location filename="../format.cpp" line="33"/>
        <source>引荐企业拜访</source>
        <translation>Referral visit</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="22"/>
        <source>总部经济</source>
        <translation>Headquarters economy</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="23"/>
        <source>领导小组加分</source>
        <translation>Leading group bonus</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="24"/>
        <source>签约活动</source>
        <translation>Signing event</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="25"/>
        <source>招商图谱</source>
        <translation>Investment map</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="26"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="34"/>
        <source>外资增资</source>
        <translation>Foreign capital increase</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="35"/>
        <source>引进总部经济</source>
        <translation>Headquarters attracted</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="36"/>
        <source>领导小组研究加分</source>
        <translation>Bonus decided by the leading group</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="185"/>
        <source>万美元</source>
        <translation>× 10,000 USD</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="185"/>
        <source>万元</source>
        <translation>× 10,000 CNY</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="187"/>
        <source>亿美元</source>
        <translation>× 100 million USD</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="187"/>
        <source>亿元</source>
        <translation>× 100 million CNY</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="188"/>
        <source>美元</source>
        <translation>USD</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="188"/>
        <source>元</source>
        <translation>CNY</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="208"/>
        <source>金额格式不对：以%1为单位最多%2位小数，如 3.5</source>
        <translation>Wrong amount: in %1 at most %2 decimals, e.g. 3.5</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="260"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="261"/>
        <source>落地</source>
        <translation>Landed</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="262"/>
        <source>开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../format.cpp" line="267"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>mobile::NmeaReplayProvider</name>
    <message>
        <location filename="../../positioning/nmeareplayprovider.cpp" line="79"/>
        <source>定位服务不可用（无法读取定位回放文件“%1”）</source>
        <translation>Location service unavailable (can&apos;t read the location replay file &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>mobile::PhotoProcessor</name>
    <message>
        <location filename="../photoprocessor.cpp" line="34"/>
        <source>无法处理照片 %1：%2</source>
        <translation>Cannot process the photo %1: %2</translation>
    </message>
    <message>
        <location filename="../photoprocessor.cpp" line="38"/>
        <source>文件不存在</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <location filename="../photoprocessor.cpp" line="68"/>
        <source>无法写入文件夹 %1</source>
        <translation>cannot write to the folder %1</translation>
    </message>
</context>
<context>
    <name>mobile::PoolShares</name>
    <message>
        <location filename="../poolshares.cpp" line="37"/>
        <source>“%1”不是有效的分值，应为不小于 0 的数，如 12.5</source>
        <translation>“%1” is not a valid share; enter a number of at least 0, e.g. 12.5</translation>
    </message>
    <message>
        <location filename="../poolshares.cpp" line="43"/>
        <source>合计 %1 分，超过本单位的个人分配总分值 %2 分</source>
        <translation>The shares add up to %1, more than the unit&apos;s pool of %2</translation>
    </message>
    <message>
        <location filename="../poolshares.cpp" line="63"/>
        <source>服务器已接受：个人分配合计 %1 分</source>
        <translation>Accepted by the server: shares total %1</translation>
    </message>
    <message>
        <location filename="../poolshares.cpp" line="68"/>
        <source>服务器未接受：%1</source>
        <translation>Not accepted by the server: %1</translation>
    </message>
    <message>
        <location filename="../poolshares.cpp" line="68"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../poolshares.cpp" line="73"/>
        <source>未能发送：%1。个人分配没有保存，请联网后再保存。</source>
        <translation>Could not send: %1. The shares were not saved; save them again when online.</translation>
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
    <name>mobile::RecordEditor</name>
    <message>
        <location filename="../recordeditor.cpp" line="468"/>
        <source>签到位置距企业登记位置超过 %1 米，请确认并说明原因</source>
        <translation>The check-in is more than %1 m from the enterprise&apos;s registered site: confirm it and give the reason</translation>
    </message>
</context>
<context>
    <name>mobile::RecordListModel</name>
    <message>
        <location filename="../recordlistmodel.cpp" line="49"/>
        <source>服务器未接收：%1</source>
        <translation>Not accepted by the server: %1</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="51"/>
        <source>已退回：%1</source>
        <translation>Returned: %1</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="58"/>
        <source> · 已签到</source>
        <translation> · checked in</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="58"/>
        <source> · 未签到</source>
        <translation> · not checked in</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="62"/>
        <source>%1 至 %2 · 拜访机构 %3 家</source>
        <translation>%1 to %2 · institutions visited: %3</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="74"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="75"/>
        <source>落地</source>
        <translation>Landed</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="76"/>
        <source>开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="80"/>
        <source> · 证明材料 %1 份</source>
        <translation> · evidence files: %1</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="88"/>
        <source> · 外资企业</source>
        <translation> · foreign-invested</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="88"/>
        <source> · 主导产业关联企业</source>
        <translation> · linked to a leading industry</translation>
    </message>
    <message>
        <location filename="../recordlistmodel.cpp" line="99"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>mobile::ReviewInbox</name>
    <message>
        <location filename="../reviewinbox.cpp" line="82"/>
        <source>远离企业注册地址</source>
        <translation>Far from the registered site</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="83"/>
        <source>模拟定位</source>
        <translation>Simulated position</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="84"/>
        <source>坐标与以前完全相同</source>
        <translation>Same coordinates as before</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="85"/>
        <source>移动速度不可能</source>
        <translation>Impossible speed</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="86"/>
        <source>定位精度不足</source>
        <translation>Inaccurate fix</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="87"/>
        <source>企业没有注册位置</source>
        <translation>Enterprise has no registered site</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="139"/>
        <source>领导小组认定（%1会议）</source>
        <translation>Recognised by the leading group (meeting of %1)</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="208"/>
        <source>无法获取待认定记录：%1</source>
        <translation>Couldn&apos;t load records awaiting recognition: %1</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="249"/>
        <source>有签到标记</source>
        <translation>Any check-in flag</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="250"/>
        <source>缺少证明材料</source>
        <translation>Evidence missing</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="284"/>
        <source>正在发送 %1 条认定决定…</source>
        <translation>Sending %1 decision(s)…</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="285"/>
        <source>%1 条认定决定保存在本机，尚未发送：连接到服务器后按顺序自动发送（%2）</source>
        <translation>%1 decision(s) kept on this device, not sent yet: they are sent in order once the server can be reached (%2)</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="306"/>
        <source>无法连接服务器，显示的是上次获取的列表</source>
        <translation>Cannot reach the server; showing the list last received</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="356"/>
        <location filename="../reviewinbox.cpp" line="400"/>
        <source>服务器拒绝（HTTP %1）</source>
        <translation>Refused by the server (HTTP %1)</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="364"/>
        <source>无法连接服务器，决定未保存，请联网后再试</source>
        <translation>Cannot reach the server; the decision was not saved. Try again when online</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="409"/>
        <source>无法连接服务器</source>
        <translation>Cannot reach the server</translation>
    </message>
    <message>
        <location filename="../reviewinbox.cpp" line="442"/>
        <source>下载的文件与记录中的指纹不符</source>
        <translation>The downloaded file does not match the record&apos;s fingerprint</translation>
    </message>
</context>
<context>
    <name>mobile::Scores</name>
    <message>
        <location filename="../scores.cpp" line="59"/>
        <source>无法获取得分（%1）；显示的是上次同步的结果</source>
        <translation>Couldn&apos;t load scores (%1); showing the last synced results</translation>
    </message>
</context>
<context>
    <name>mobile::SyncClient</name>
    <message>
        <location filename="../../core/syncclient.cpp" line="32"/>
        <source>无法连接服务器，记录已保存在本机，联网后会自动同步（%1）</source>
        <translation>Can&apos;t reach the server; records are saved on this device and will sync automatically once online (%1)</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="37"/>
        <source>服务器暂时无法处理（HTTP %1），稍后会自动重试</source>
        <translation>The server can&apos;t handle this right now (HTTP %1); will retry automatically later</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="40"/>
        <source>应用版本过旧，服务器已不再接受，请先更新应用再同步；未同步的记录仍保存在本机</source>
        <translation>This app version is too old for the server; update the app before syncing. Unsynced records stay on this device</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="41"/>
        <source>服务器版本比应用旧，请联系招商服务局更新服务器；未同步的记录仍保存在本机</source>
        <translation>The server is older than the app; ask the Investment Service Bureau to update it. Unsynced records stay on this device</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="42"/>
        <source>登录已过期，请重新登录；未同步的记录仍保存在本机，登录后会继续同步</source>
        <translation>Session expired; please sign in again. Unsynced records stay on this device and sync once you sign in</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="43"/>
        <source>请先登录</source>
        <translation>Please sign in first</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="49"/>
        <source>HTTP %1：%2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="50"/>
        <source>%1失败（%2）</source>
        <translation>%1 failed (%2)</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="56"/>
        <source>本机数据保存失败：%1</source>
        <translation>Couldn&apos;t save data on this device: %1</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="207"/>
        <source>服务器地址无效，应类似 https://zhaoshang.example.cn</source>
        <translation>Invalid server address; it should look like https://zhaoshang.example.cn</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="211"/>
        <location filename="../../core/syncclient.cpp" line="296"/>
        <source>本机数据库无法打开：%1</source>
        <translation>Can&apos;t open the local database: %1</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="230"/>
        <source>无法连接服务器（%1）</source>
        <translation>Can&apos;t reach the server (%1)</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="232"/>
        <source>用户名或密码不正确，或账号已停用</source>
        <translation>Wrong user name or password, or the account is disabled</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="234"/>
        <source>登录失败次数过多，请稍后再试</source>
        <translation>Too many failed sign-ins; try again later</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="236"/>
        <source>这台设备已登记给其他人使用，请联系管理员</source>
        <translation>This device is registered to someone else; contact the administrator</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="238"/>
        <source>这台设备已被管理员停用，请联系管理员</source>
        <translation>This device was disabled by the administrator; contact the administrator</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="244"/>
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="253"/>
        <source>服务器的登录答复不完整</source>
        <translation>The server&apos;s sign-in reply is incomplete</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="347"/>
        <location filename="../../core/syncclient.cpp" line="414"/>
        <source>附件“%1”无法上传：%2</source>
        <translation>Attachment “%1” can&apos;t be uploaded: %2</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="347"/>
        <source>查询</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="356"/>
        <source>附件“%1”不在这台设备上，无法上传；相关记录会被退回，请重新添加附件</source>
        <translation>Attachment “%1” is not on this device and can&apos;t be uploaded; its record will be returned, please add the attachment again</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="377"/>
        <source>附件“%1”无法读取：%2</source>
        <translation>Attachment “%1” can&apos;t be read: %2</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="380"/>
        <source>附件“%1”是空文件或已损坏</source>
        <translation>Attachment “%1” is empty or damaged</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="407"/>
        <source>文件太大（服务器最多接收 20 MiB）</source>
        <translation>File too large (the server accepts at most 20 MiB)</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="409"/>
        <source>文件类型不受支持（仅限 PDF、JPEG、PNG、HEIC 和 Office 文档）</source>
        <translation>File type not supported (PDF, JPEG, PNG, HEIC and Office documents only)</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="411"/>
        <source>文件内容与校验值不符，请重新添加附件</source>
        <translation>File content doesn&apos;t match its checksum; please add the attachment again</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="413"/>
        <source>上传</source>
        <translation>Upload</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="458"/>
        <source>服务器没有确认已发送的记录，请稍后再试</source>
        <translation>The server didn&apos;t confirm the records sent; try again later</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="466"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="470"/>
        <source>同步编号与服务器不一致：%1</source>
        <translation>Sync numbers don&apos;t match the server&apos;s: %1</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="475"/>
        <source>上传记录</source>
        <translation>Sending records</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="494"/>
        <source>下载更新</source>
        <translation>Fetching updates</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="520"/>
        <source>读取冲突</source>
        <translation>Loading conflicts</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="565"/>
        <source>请选择保留服务器的值或本机的值</source>
        <translation>Choose whether to keep the server&apos;s value or this device&apos;s</translation>
    </message>
    <message>
        <location filename="../../core/syncclient.cpp" line="579"/>
        <source>处理冲突</source>
        <translation>Resolving the conflict</translation>
    </message>
</context>
<context>
    <name>mobile::SyncStatus</name>
    <message>
        <location filename="../syncstatus.cpp" line="49"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="50"/>
        <source>登录已过期，请重新登录（未同步的记录都保留在本机）</source>
        <translation>Session expired. Please sign in again (unsynced records stay on this device).</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="51"/>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="52"/>
        <source>%1 条待同步，网络恢复后自动同步</source>
        <translation>%1 waiting to sync; will sync automatically when the network is back</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="55"/>
        <source>未连接服务器</source>
        <translation>Not connected to the server</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="55"/>
        <source>%1 条待同步，连接服务器后自动同步</source>
        <translation>%1 waiting to sync; they sync once the server can be reached</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="56"/>
        <source>已是最新</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="56"/>
        <source>%1 条待同步</source>
        <translation>%1 waiting to sync</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="69"/>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="99"/>
        <source>同步中 · %1</source>
        <translation>Syncing · %1</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="101"/>
        <source>需要重新登录 · %1 条待同步</source>
        <translation>Sign in again · %1 waiting</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="103"/>
        <source>同步失败 · %1 条待同步</source>
        <translation>Sync failed · %1 waiting</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="105"/>
        <source>离线 · %1 条待同步</source>
        <translation>Offline · %1 waiting</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="105"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="106"/>
        <source>在线 · %1 条待同步</source>
        <translation>Online · %1 waiting</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="106"/>
        <source>在线 · 已同步</source>
        <translation>Online · synced</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="114"/>
        <source>已发送 %1 / %2 条</source>
        <translation>%1 / %2 sent</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="116"/>
        <source>已下载 %1 页（%2 条）</source>
        <translation>%1 pages downloaded (%2 changes)</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="117"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="126"/>
        <source>发送 %1 条，收到 %2 条，退回 %3 条，冲突 %4 条</source>
        <translation>%1 sent, %2 received, %3 returned, %4 conflicts</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="133"/>
        <source>同步完成：%1</source>
        <translation>Sync finished: %1</translation>
    </message>
    <message>
        <location filename="../syncstatus.cpp" line="147"/>
        <source>正在尝试连接服务器…（%1 条待同步，记录都保存在本机）</source>
        <translation>Trying to reach the server… (%1 waiting to sync; every record is kept on this device)</translation>
    </message>
</context>
<context>
    <name>mobile::SystemNotifier</name>
    <message>
        <location filename="../systemnotifier.cpp" line="68"/>
        <source>全员招商台账</source>
        <translation>All-Staff Investment Promotion Ledger</translation>
    </message>
</context>
<context>
    <name>mobile::ToDo</name>
    <message>
        <location filename="../todo.cpp" line="102"/>
        <source>企业：%1</source>
        <translation>Enterprise: %1</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="104"/>
        <source>草稿，%1 保存</source>
        <translation>Draft, saved %1</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="115"/>
        <source>服务器未接收：%1</source>
        <translation>Refused by the server: %1</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="150"/>
        <source>已退回：%1</source>
        <translation>Returned: %1</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="162"/>
        <source>缺少认定材料：%1</source>
        <translation>Missing for recognition: %1</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="170"/>
        <source>本月只剩 %1 天，本单位有效招商信息 %2 / 4 条，还差 %3 条</source>
        <translation>%1 days left this month: your unit has %2 / 4 valuable leads, %3 to go</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="175"/>
        <source>%1 条记录被退回或未被接收，请修改后重新提交</source>
        <translation>%1 records were returned or refused: correct them and submit again</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="177"/>
        <source>%1 条记录缺少认定材料</source>
        <translation>%1 records lack what recognition needs</translation>
    </message>
    <message>
        <location filename="../todo.cpp" line="179"/>
        <source>%1 份草稿已超过一天未完成</source>
        <translation>%1 drafts left unfinished for more than a day</translation>
    </message>
</context>
<context>
    <name>mobile::Trips</name>
    <message>
        <location filename="../trips.cpp" line="77"/>
        <source>（本机没有这条拜访记录）</source>
        <translation>(this visit is not on this device)</translation>
    </message>
    <message>
        <location filename="../trips.cpp" line="125"/>
        <source>%1（%2 至 %3）</source>
        <translation>%1 (%2 to %3)</translation>
    </message>
</context>
</TS>
