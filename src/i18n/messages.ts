/**
 * Every UI string, English and 简体中文 side by side: `key: [English, Chinese]`. English is the source text;
 * a test checks both have the same `{placeholders}`. `problem.*` messages start lower-case because they
 * follow "Line 3: ". To add a string, add one row here with both languages.
 */
export const messages = {
  // Problems (one per ProblemCode; a few have variants chosen by formatProblem).
  'problem.linePrefix': ['Line {line}: ', '第 {line} 行：'],
  'problem.didYouMean': [' Did you mean {suggestions}?', '你是不是想写 {suggestions}？'],
  'problem.listSeparator': [', ', '、'],
  'problem.listOr': [' or ', ' 或 '],
  'problem.unknownActivation': [
    "unknown activation function '{name}'.{didYouMean}",
    "未知的激活函数 '{name}'。{didYouMean}",
  ],
  'problem.ownFunctionPositional': [
    "'{name}' is a function defined in this block: give its parameters by name, as in {example}",
    "'{name}' 是本块定义的函数：参数要写名字，例如 {example}",
  ],
  'problem.ownFunctionPositionalNone': [
    "'{name}' is a function defined in this block and takes no parameters: write {example}",
    "'{name}' 是本块定义的函数，没有参数：请直接写 {example}",
  ],
  'problem.unknownParam': [
    "{activation} has no parameter '{param}'.{didYouMean} Its parameters: {allowed}",
    "{activation} 没有参数 '{param}'。{didYouMean}它的参数：{allowed}",
  ],
  'problem.unknownParamNone': [
    "{activation} takes no parameters, but got '{param}'",
    "{activation} 不接受参数，但写了 '{param}'",
  ],
  'problem.paramNotNumber': [
    "{activation}: parameter {param} must be a number, got '{value}'",
    "{activation} 的参数 {param} 必须是数字，但写的是 '{value}'",
  ],
  'problem.paramChoice': [
    "{activation}: parameter {param} cannot be '{value}'. Allowed: {allowed}",
    "{activation} 的参数 {param} 不能是 '{value}'。可选值：{allowed}",
  ],
  'problem.paramDomain': [
    '{activation}: parameter {param} = {value} is not allowed; it must be {allowed}',
    '{activation} 的参数 {param} = {value} 不合法，必须满足 {allowed}',
  ],
  'problem.paramRequired': [
    '{activation} needs {param} (torch has no default for it): write {signature}',
    '{activation} 需要参数 {param}（torch 没有默认值），请写成 {signature}',
  ],
  'problem.paramRelation': [
    '{activation}: parameters must satisfy {rule}, got {value}',
    '{activation} 的参数必须满足 {rule}，实际为 {value}',
  ],
  'problem.activationSyntax': [
    "cannot read '{value}' as an activation function; expected {expected}",
    "无法把 '{value}' 识别为激活函数，应写成 {expected}",
  ],
  'problem.unknownKey': [
    "unknown key '{key}'.{didYouMean} Allowed keys: {allowed}",
    "未知的键 '{key}'。{didYouMean}可用的键：{allowed}",
  ],
  'problem.duplicateKey': [
    "key '{key}' appears more than once; keep only one",
    "键 '{key}' 出现了不止一次，请只保留一个",
  ],
  'problem.missingKey': ["missing required key '{key}'", "缺少必填的键 '{key}'"],
  'problem.notANumber': ["{key}: '{value}' is not a number", "{key}：'{value}' 不是数字"],
  'problem.notAnInteger': ["{key}: '{value}' is not a whole number", "{key}：'{value}' 不是整数"],
  'problem.outOfRange': [
    '{key}: {value} is out of range; allowed from {min} to {max}',
    '{key}：{value} 超出范围，允许的范围是 {min} 到 {max}',
  ],
  'problem.outOfRangeMin': [
    '{key}: {value} is too small; it must be at least {min}',
    '{key}：{value} 太小，不能小于 {min}',
  ],
  'problem.outOfRangeMax': [
    '{key}: {value} is too large; it must be at most {max}',
    '{key}：{value} 太大，不能大于 {max}',
  ],
  'problem.outOfRangeItems': [
    '{key}: {value} items is too many; at most {max} allowed',
    '{key}：共 {value} 项，太多了，最多 {max} 项',
  ],
  'problem.outOfRangeCharacters': [
    '{key}: {value} characters is too long; at most {max} allowed',
    '{key}：共 {value} 个字符，太长了，最多 {max} 个',
  ],
  'problem.notABoolean': [
    "{key}: '{value}' is not true or false; write true/false, yes/no or on/off",
    "{key}：'{value}' 不是布尔值，请写 true/false、yes/no 或 是/否",
  ],
  'problem.badRange': [
    "{key}: '{value}' is not a valid range; write [a, b] with a < b, e.g. [-6, 6]",
    "{key}：'{value}' 不是有效的区间，应写成 [a, b] 且 a < b，例如 [-6, 6]",
  ],
  'problem.badRangeSpan': [
    "{key}: '{value}' is too narrow; b − a must be at least {minSpan}",
    "{key}：区间 '{value}' 太窄，b − a 至少为 {minSpan}",
  ],
  'problem.badChoice': [
    "{key}: '{value}' is not an option.{didYouMean} Options: {allowed}",
    "{key}：没有 '{value}' 这个选项。{didYouMean}可选值：{allowed}",
  ],
  'problem.syntax': ["cannot read '{value}'; expected {expected}", "无法识别 '{value}'，应为 {expected}"],
  'problem.emptyBlock': [
    'the block is empty; add at least one of these keys: {allowed}',
    '代码块是空的，请至少写一个这些键：{allowed}',
  ],
  'problem.tooMuchMemory': [
    '{key}: {value} would need about {mb} MB for the network’s weights and activations, more than the {limit} MB a block may use; with the other keys as they are, {key} can be at most {max}',
    '{key}：{value} 需要约 {mb} MB 内存来存放网络的权重和激活值，超过了每个代码块 {limit} MB 的上限；其他键不变时，{key} 最大为 {max}',
  ],
  'problem.tooLarge': [
    'the block is too large ({size} bytes; at most {max})',
    '代码块太大（{size} 字节，上限为 {max} 字节）',
  ],
  'problem.badLink': [
    "'{value}' is not a valid wiki-link; write [[Note]] or [[Note#Heading]]",
    "'{value}' 不是有效的双链，应写成 [[笔记]] 或 [[笔记#标题]]",
  ],
  // Tokens a `syntax` problem's `expected` may carry (see block-syntax.ts).
  'expected.keyValue': [
    '`key: value`, a `- item` under a key, or a `# comment`',
    '`键: 值`、键下方的 `- 列表项`，或 `# 注释`',
  ],
  'expected.noNestedMaps': [
    'a key at the start of the line (nested keys are not supported)',
    '顶格书写的键（不支持嵌套的键）',
  ],
  'expected.listAfterEmptyKey': [
    'list items only right after a key with nothing after its colon (`key:`)',
    '列表项只能紧跟在冒号后为空的键（`键:`）下方',
  ],

  // Expression language: messages follow "Column n: " (or "Line l, column n: ").
  'problem.lineColumnPrefix': ['Line {line}, column {column}: ', '第 {line} 行第 {column} 列：'],
  'problem.columnPrefix': ['column {column}: ', '第 {column} 列：'],
  'problem.exprUnexpected': ["expected {expected}, found '{found}'", "此处应为{expected}，但写的是 '{found}'"],
  'problem.exprUnexpectedEnd': [
    'expected {expected}, but the definition ends here',
    '此处应为{expected}，但定义已经结束',
  ],
  'problem.exprCharacter': [
    "'{found}' is not part of the expression language; use + - * / ^, parentheses and names",
    "表达式中不能使用 '{found}'，请使用 + - * / ^、括号和名称",
  ],
  'problem.exprNumber': ["the number '{value}' is too large", "数字 '{value}' 太大"],
  'problem.exprDepth': ['nested more than {max} levels deep', '嵌套超过了 {max} 层'],
  'problem.exprLength': [
    'the definition has {length} characters; at most {max} allowed',
    '定义有 {length} 个字符，最多 {max} 个',
  ],
  'problem.exprComparison': [
    "a comparison ('{found}') may only be the condition of where(condition, a, b)",
    "比较（'{found}'）只能作为 where(条件, a, b) 的条件",
  ],
  'problem.exprParamRange': [
    'parameter {name} = {value} must lie in a range [{min}, {max}] with {min} < {max}',
    '参数 {name} = {value} 必须落在区间 [{min}, {max}] 内，且 {min} < {max}',
  ],
  'problem.exprUnknownName': ["unknown name '{name}'.{didYouMean}", "未知的名称 '{name}'。{didYouMean}"],
  'problem.exprNeedsCall': ["'{name}' is a function: write {name}(x)", "'{name}' 是函数，请写成 {name}(x)"],
  'problem.exprNoKeywords': ['{name}() takes no keyword arguments', '{name}() 不接受关键字参数'],
  'problem.exprArity': [
    '{name}() takes {expected} argument(s), got {got}',
    '{name}() 需要 {expected} 个参数，但给了 {got} 个',
  ],
  'problem.exprDependsOnX': ['a parameter of {name}() must not depend on x', '{name}() 的参数不能依赖 x'],
  'problem.exprReservedName': [
    "'{name}' is taken by the language (x, pi, e, in and the built-in functions); choose another name",
    "'{name}' 已被语言占用（x、pi、e、in 和内置函数），请换一个名字",
  ],
  'problem.exprDuplicateName': ["'{name}' is defined more than once", "'{name}' 被定义了不止一次"],
  'problem.exprCycle': ['definitions may not call themselves: {chain}', '定义不能调用自身：{chain}'],
  'problem.exprTooMany': ['{count} definitions; at most {max} per block', '共 {count} 个定义，每个代码块最多 {max} 个'],
  'problem.exprCost': [
    'one evaluation would take {cost} operations; at most {max}',
    '计算一次需要 {cost} 步运算，最多 {max} 步',
  ],
  'expected.operand': ['a number, x, a name or (', '数字、x、名称或 ('],
  'expected.operator': ['an operator (+ - * / ^)', '运算符（+ - * / ^）'],
  'expected.operatorOrEnd': ['an operator (+ - * / ^) or the end', '运算符（+ - * / ^）或结尾'],
  'expected.comparison': ['a comparison (< <= > >=)', '比较（< <= > >=）'],
  'expected.number': ['a number', '数字'],
  'expected.paramName': ['a parameter name', '参数名'],
  'expected.paramDefault': ["'=' and a default value (p=1)", "'=' 和默认值（p=1）"],
  'expected.x': ['x (definitions are functions of x: name(x) = …)', 'x（定义是 x 的函数：name(x) = …）'],
  'expected.keywordArgument': [
    'a keyword argument (name=value): positional arguments come first',
    '关键字参数（name=value），位置参数不能写在关键字参数之后',
  ],
  'expected.definition': ['a definition, name(x) = …', '定义，形如 name(x) = …'],
  'expected.closingQuote': ['a closing quote', '右引号'],
  // Rendering.
  'error.title': ['Activation Lab: cannot draw this block', 'Activation Lab：无法绘制此代码块'],
  'overlay.saturationRule': [
    'saturated: |f′| < {percent} % of its peak {peak}',
    '饱和：|f′| 小于其峰值 {peak} 的 {percent}%',
  ],
  'overlay.deadRule': ['zero gradient: f′ = 0', '零梯度：f′ = 0'],

  // Demos.
  'demo.layer': ['layer', '层'],
  'demo.layerN': ['layer {index}', '第 {index} 层'],
  'demo.newWeights': ['new weights', '换一组权重'],
  'demo.newData': ['new data', '换一组数据'],
  'demo.learningRate': ['learning rate', '学习率'],

  // Settings.
  'settings.xRange.name': ['Default range of x', '默认 x 范围'],
  'settings.xRange.desc': [
    'Horizontal range of activation charts, for example -6, 6. Blocks can override it with their own range.',
    '激活函数图的 x 范围，例如 -6, 6。代码块中可用 x: [a, b] 单独设置。',
  ],
  'settings.samples.name': ['Samples', '采样点数'],
  'settings.samples.desc': ['Points per curve. More is smoother but slower.', '每条曲线的点数。越多越平滑，但也越慢。'],
  'settings.height.name': ['Chart height', '图表高度'],
  'settings.height.desc': ['Height of charts in pixels.', '图表的高度（像素）。'],
  'settings.derivative.name': ['Show derivative', '显示导数'],
  'settings.derivative.desc': ['Draw f′ next to f by default.', '默认在 f 旁边同时绘制 f′。'],
  'settings.overlays.name': ['Teaching overlays', '教学标注'],
  'settings.properties.name': ['Property table', '性质表'],
  'settings.properties.desc': [
    'A table of computed facts under activation charts.',
    '在激活函数图下方显示计算得出的性质表。',
  ],
  'settings.overlays.desc': [
    'Shade saturation regions (|f′| < 10 % of its peak) and dead zones (f′ = 0), and mark the largest f′.',
    '标出饱和区（|f′| 小于其峰值的 10%）和零梯度区（f′ = 0），并标记 f′ 的最大值。',
  ],
  'settings.sliders.name': ['Parameter sliders', '参数滑块'],
  'settings.sliders.desc': [
    'Show sliders for parameters such as negative_slope under charts.',
    '在图表下方显示 negative_slope 等参数的滑块。',
  ],
  'settings.lazy.name': ['Lazy drawing', '延迟绘制'],
  'settings.lazy.desc': [
    'Draw charts only when they scroll into view. Keeps long notes fast.',
    '图表滚动到可见区域时才绘制，长笔记也能保持流畅。',
  ],
  'settings.palette.name': ['Palette', '配色'],
  'settings.palette.desc': ['Colours of the curves.', '曲线的颜色。'],
  'settings.palette.theme': ['Theme colours', '跟随主题'],
  'settings.palette.colorblind': ['Colour-blind safe', '色盲友好'],
  'settings.language.name': ['Language', '语言'],
  'settings.language.desc': ['Language of charts, messages and settings.', '图表、提示信息和设置所用的语言。'],
  'settings.language.auto': ['Same as Obsidian', '跟随 Obsidian'],
  'settings.language.en': ['English', 'English'],
  'settings.language.zh': ['中文', '中文'],

  // Commands.
  'command.insertActivation': ['Insert activation chart', '插入激活函数图'],
  'command.insertGradientFlow': ['Insert gradient-flow demo', '插入梯度流演示'],
  'command.insertDeadRelu': ['Insert dead ReLU demo', '插入 Dead ReLU 演示'],
  'command.insertZeroCentered': ['Insert zero-centred demo', '插入“以 0 为中心”演示'],
  'command.insertNonlinearity': ['Insert nonlinearity demo', '插入“为什么需要激活函数”演示'],
  'command.rerender': ['Re-render charts in this note', '重新绘制本笔记中的图表'],

  // Export menu.
  'export.copyPng': ['Copy as PNG', '复制为 PNG'],
  'export.savePng': ['Save PNG to vault', '将 PNG 保存到库中'],
  'export.copyCsv': ['Copy data as CSV', '复制数据为 CSV'],
  'export.copied': ['Copied', '已复制'],
  'export.saved': ['Saved to {path}', '已保存到 {path}'],
  'export.failed': ['Export failed: {reason}', '导出失败：{reason}'],

  // Context panel.
  'context.noteNotFound': ['Linked note not found: {what}', '找不到链接的笔记：{what}'],
  'context.headingNotFound': ['Heading not found: {what}', '找不到标题：{what}'],
  'context.blockNotFound': ['Block not found: {what}', '找不到块：{what}'],
  'context.truncated': [
    'Content truncated ({shown} of {total} characters)',
    '内容已截断（显示 {shown} / {total} 个字符）',
  ],
  'context.updateLink': ['update link to [[{name}]]', '将链接更新为 [[{name}]]'],
  'readout.hint': [
    'Hover over the chart, or focus it and use the arrow keys, to read exact values',
    '将指针移到图上，或选中图表后按方向键，读取精确数值',
  ],
  'overlay.saturationOf': ['{name}: saturation', '{name}：饱和区'],
  'overlay.deadZoneOf': ['{name}: dead zone (f′ = 0)', '{name}：零梯度区（f′ = 0）'],
  'overlay.peakOf': ['max {name}′ = {value}', '{name}′ 最大值 = {value}'],
  'overlay.convention': ['PyTorch: {name}′({x}) = {value}', 'PyTorch 约定：{name}′({x}) = {value}'],
  'slider.param': ['{name} {param}', '{name} {param}'],
  'chart.activation': ['Chart of {names} for x from {from} to {to}', '{names} 的函数图像，x 从 {from} 到 {to}'],
  'chart.activationWithDerivative': [
    'Chart of {names} and their derivatives for x from {from} to {to}',
    '{names} 及其导数的图像，x 从 {from} 到 {to}',
  ],
  'demo.depth': ['depth', '层数'],
  'demo.width': ['width', '宽度'],
  'demo.init': ['init', '初始化'],
  'demo.initAuto': ['auto (by activation)', '自动（按激活函数）'],
  'demo.envelope': [
    '{name}′ peak {value} per layer, from layer {last}',
    '{name}′ 峰值 {value} 逐层相乘（从第 {last} 层起）',
  ],
  'demo.metricWeight': ['‖∂loss/∂W‖ per layer', '各层 ‖∂loss/∂W‖'],
  'demo.metricOutput': ['mean |∂loss/∂h| per layer', '各层 |∂loss/∂h| 的均值'],
  'demo.computing': [
    'Computing the gradients of a {depth}-layer network of width {width} for {names}',
    '正在计算 {names} 在 {depth} 层、宽度 {width} 的网络中各层的梯度',
  ],
  'demo.training': ['Training {names}…', '正在训练 {names}……'],
  'demo.jobProgress': ['Computing', '正在计算'],
  'demo.jobCancel': ['Cancel', '取消'],
  'demo.jobCancelled': ['Cancelled.', '已取消。'],
  'demo.jobResume': ['Compute', '计算'],
  'demo.jobFailed': ['Could not compute: {message}', '无法计算：{message}'],
  'demo.gradientDescription': [
    'Gradient per layer, log scale, of a {depth}-layer network of width {width} for {names}',
    '{names} 在 {depth} 层、宽度 {width} 的网络中各层的梯度（对数坐标）',
  ],
  'demo.gradientRatio': ['{name} {ratio}', '{name} {ratio}'],
  'demo.gradientUndefined': [
    '{name} undefined (layer {last} gets no gradient)',
    '{name} 无定义（第 {last} 层没有梯度）',
  ],
  'demo.gradientSummary': [
    "Ratio of layer 1's to layer {last}'s {metric} (init: {init}): {items}.",
    '第 1 层与第 {last} 层{metric}之比（初始化：{init}）：{items}。',
  ],
  'demo.metricNameWeight': ['gradient norm ‖∂loss/∂W‖', '的梯度范数 ‖∂loss/∂W‖ '],
  'demo.metricNameOutput': ['mean |∂loss/∂h|', ' |∂loss/∂h| 的均值'],
  'demo.initAutoSummary': ['auto, {groups}', '自动，{groups}'],
  'demo.initGroup': ['{init} for {names}', '{names} 用 {init}'],
  // settings, commands, export
  'settings.invalid': ['Not saved: {reason}', '未保存：{reason}'],
  'picker.expression': [
    'Expression… (your own function, e.g. swish with a β slider)',
    '表达式…（自己的函数，例如带 β 滑块的 swish）',
  ],
  'picker.placeholder': ['Choose an activation function', '选择一个激活函数'],
  'command.rerendered': ['Charts re-rendered: {count}', '已重新绘制图表：{count} 个'],
  'export.menu': ['Export chart', '导出图表'],
  'export.noClipboard': ['This device does not allow copying images', '此设备不允许复制图片'],
  'export.nothingDrawn': ['no chart is drawn yet', '图表尚未绘制'],
  // Legend keys, keyboard and touch read-out, warnings, log-scale zeros.
  'legend.solidF': ['solid: f(x)', '实线：f(x)'],
  'legend.dashedDf': ['dashed: f′(x)', '虚线：f′(x)'],
  'legend.saturation': ['shaded: saturation', '阴影：饱和区'],
  'legend.deadZone': ['shaded: dead zone (f′ = 0)', '阴影：零梯度区（f′ = 0）'],
  'legend.peak': ['largest f′', 'f′ 的最大值'],
  'legend.convention': ["PyTorch's f′ at a kink", 'PyTorch 在折点处取的 f′'],
  'legend.start': ['w₀: start', 'w₀：起点'],
  'legend.target': ['w*: target', 'w*：目标'],
  'readout.hintTouch': ['Tap or drag on the chart to read exact values', '在图上点按或拖动，读取精确数值'],
  'readout.zeroOnLog': ['0 — not drawable on a log scale', '0（对数坐标上无法画出）'],
  'chart.keys': [
    'Chart: the arrow keys move the read-out sample by sample; Home and End jump to the ends',
    '图表：按方向键逐个采样点移动读数，按 Home 和 End 跳到两端',
  ],
  'warning.ignored': ['{message} — ignored', '{message}（已忽略）'],
  'warning.usingDefault': ['{message} — using the default, {value}', '{message}（改用默认值 {value}）'],
  'demo.lrOfRun': ['lr (run {index})', '学习率（第 {index} 组）'],
  'demo.lr': ['lr', '学习率'],
  'legend.zeroOnLog': ['on the axis: 0, not drawable on a log scale', '横轴上的圈：值为 0，对数坐标上无法画出'],
  'demo.zeroAtLayer': ['0 at layer {layer} — not drawable on a log scale', '第 {layer} 层为 0（对数坐标上无法画出）'],
  // wiki-link context
  'context.depthLimit': [
    'Not shown here: linked content nests at most {max} levels deep',
    '此处不再显示：链接内容最多嵌套 {max} 层',
  ],
  'context.cycle': ['Not shown again: {what} is already shown around this block', '不再重复显示：{what} 已在外层显示'],
  // dead-relu, zero-centered
  'expected.pair': ['two numbers, e.g. [-1.5, 0]', '两个数，例如 [-1.5, 0]'],
  'demo.runLabel': ['{name}, lr {lr}', '{name}，学习率 {lr}'],
  'demo.runDiverged': ['{label} (diverged at step {step})', '{label}（第 {step} 步发散）'],
  'demo.steps': ['steps', '步数'],
  'demo.step': ['step', '训练步数'],
  'demo.lossAxis': ['loss (mean squared error)', '损失（均方误差）'],
  'demo.deadAxis': ['dead units, f′ = 0 (of {width})', '死亡神经元，f′ = 0（共 {width} 个）'],
  'demo.readoutLoss': ['step {step} · loss', '第 {step} 步 · 损失'],
  'demo.readoutDead': ['step {step} · dead units', '第 {step} 步 · 死亡神经元'],
  'demo.deadOf': ['{dead} of {width}', '{dead} / {width} 个'],
  'demo.divergedShort': ['diverged', '已发散'],
  'demo.deadRelu.allDead': [
    "{run}: all {width} units dead from step {step}; only the output bias learns, so the loss stays ≥ the targets' variance {variance} (final {loss}).",
    '{run}：从第 {step} 步起全部 {width} 个神经元死亡，只剩输出偏置在学习，损失不会低于目标值的方差 {variance}（最终 {loss}）。',
  ],
  'demo.deadRelu.someDead': [
    '{run}: {dead} of {width} units dead; final loss {loss}.',
    '{run}：{width} 个神经元中有 {dead} 个死亡；最终损失 {loss}。',
  ],
  'demo.deadRelu.alive': ['{run}: no dead units; final loss {loss}.', '{run}：没有死亡神经元；最终损失 {loss}。'],
  'demo.deadRelu.leaky': [
    '{run}: {dead} of {width} units have pre-activation ≤ 0 on every sample but still learn{why}; final loss {loss}.',
    '{run}：{width} 个神经元中有 {dead} 个的预激活值在所有样本上都 ≤ 0，但{why}仍在学习；最终损失 {loss}。',
  ],
  'demo.deadRelu.negativeStill': [
    '{run}: {dead} of {width} units have pre-activation ≤ 0 on every sample and get no gradient; final loss {loss}.',
    '{run}：{width} 个神经元中有 {dead} 个的预激活值在所有样本上都 ≤ 0，且没有梯度；最终损失 {loss}。',
  ],
  'demo.deadRelu.noNegative': [
    '{run}: no unit has pre-activation ≤ 0 on every sample; final loss {loss}.',
    '{run}：没有预激活值在所有样本上都 ≤ 0 的神经元；最终损失 {loss}。',
  ],
  'demo.deadRelu.diverged': [
    '{run}: the loss overflows, diverged at step {step}.',
    '{run}：损失溢出，第 {step} 步发散。',
  ],
  'demo.deadRelu.batch': [
    'Same training on {count} draws of data and weights (seeds {from}–{to}): {items}.',
    '同样的训练在 {count} 组数据和权重上（种子 {from}–{to}）：{items}。',
  ],
  'demo.deadRelu.batchDead': [
    '{run}: {diverged} diverged, {all} lost every unit, {some} lost some, {none} none',
    '{run}：{diverged} 个发散，{all} 个全部神经元死亡，{some} 个部分死亡，{none} 个没有',
  ],
  'demo.deadRelu.batchNegative': [
    '{run}: {diverged} diverged, {negative} ended with units ≤ 0 on every sample, {none} with none',
    '{run}：{diverged} 个发散，{negative} 个最终有预激活值在所有样本上都 ≤ 0 的神经元，{none} 个没有',
  ],
  'demo.deadRelu.slope': [' (negative slope ≠ 0)', '因负半轴斜率非零'],
  'demo.clauses': ['; ', '；'],
  'demo.deadRelu.drawn': [
    'Drawn: seed {seed} ({position} of {count}).',
    '图中为种子 {seed}（{count} 组中的第 {position} 组）。',
  ],
  'demo.negativeAxis': [
    'units ≤ 0 on every sample, still learning (of {width})',
    '在所有样本上都 ≤ 0 但仍在学习的神经元（共 {width} 个）',
  ],
  'demo.readoutNegative': ['step {step} · units ≤ 0, learning', '第 {step} 步 · ≤ 0 但仍在学习'],
  'chart.deadReluNegative': [
    'Hidden units (of {width}) with pre-activation ≤ 0 on every sample that still learn, per step, with {names} at learning rates {lrs}',
    '激活函数 {names}、学习率 {lrs} 时，每一步预激活值在所有样本上都 ≤ 0 但仍在学习的隐藏神经元数（共 {width} 个）',
  ],
  'chart.deadReluLoss': [
    'Training loss per step (log scale) of a {width}-unit hidden layer with {names} at learning rates {lrs}',
    '{width} 个隐藏神经元、激活函数 {names}、学习率 {lrs} 时每一步的训练损失（对数坐标）',
  ],
  'chart.deadReluDead': [
    'Dead hidden units (out of {width}) per step with {names} at learning rates {lrs}',
    '激活函数 {names}、学习率 {lrs} 时每一步的死亡隐藏神经元数（共 {width} 个）',
  ],
  'demo.inputsOf': ['{name} inputs', '{name} 输入'],
  'demo.signs.positive': ['All-positive inputs', '全为正的输入'],
  'demo.signs.nonNegative': ['Non-negative inputs', '非负的输入'],
  'demo.signs.negative': ['All-negative inputs', '全为负的输入'],
  'demo.signs.nonPositive': ['Non-positive inputs', '非正的输入'],
  'demo.signs.centred': ['Zero-centred inputs', '以 0 为中心的输入'],
  'demo.signs.mixed': ['Mixed-sign inputs', '有正有负的输入'],
  'demo.zigzag.startGd': [
    'Full-batch gradient descent, lr {lr}; w₀ is {distance} from w*.',
    '全批量梯度下降，学习率 {lr}；w₀ 与 w* 相距 {distance}。',
  ],
  'demo.zigzag.startSgd': [
    'SGD, batch 1 (one sample per update, shuffled), lr {lr}; w₀ is {distance} from w*.',
    '批量为 1 的 SGD（每次更新只用一个样本，顺序打乱），学习率 {lr}；w₀ 与 w* 相距 {distance}。',
  ],
  'demo.zigzag.samples': [
    "{kind} ({name}): {same} of {n} samples' gradients have two same-sign components (both weights rise or both fall); condition number κ = {kappa}{limit}.",
    '{kind}（{name}）：{n} 个样本中有 {same} 个的梯度两个分量同号（两个权重同增或同减）；条件数 κ = {kappa}{limit}。',
  ],
  'demo.zigzag.limit': [', stable for lr < {limit}', '，学习率 < {limit} 时稳定'],
  'demo.zigzag.path': [
    'After {steps} steps w is {distance} from w*; {same} of {updates} updates were same-sign, {turns} turned more than 90°{zigzag}.',
    '{steps} 步后 w 最终与 w* 相距 {distance}；{updates} 次更新中 {same} 次两个分量同号（同增或同减），{turns} 次转向超过 90°{zigzag}。',
  ],
  'demo.zigzag.zigzag': [' (zig-zag)', '（之字形）'],
  'demo.zigzag.away': ['It ends farther from w* than it started{grow}{why}.', '终点比起点离 w* 更远{grow}{why}。'],
  'demo.zigzag.grow': [', its steps growing', '，步长越来越大'],
  'demo.zigzag.why': [': lr {lr} ≥ the limit {limit}', '：学习率 {lr} ≥ 稳定上限 {limit}'],
  'demo.zigzag.diverged': ['The loss overflows: diverged at step {step}.', '损失溢出，第 {step} 步发散。'],
  'demo.zigzag.optimizer': ['optimizer', '优化方法'],
  'demo.zigzag.gd': ['full-batch GD', '全批量梯度下降'],
  'demo.zigzag.sgd': ['SGD, batch 1', 'SGD，批量为 1'],
  'demo.zigzag.directionsValue': ['{same}/{n} same-sign', '{same}/{n} 同号'],
  'chart.zigzagDirections': [
    "Each sample's gradient step at w₀ (unit length) for {names} inputs, and the direction of w* − w₀",
    '{names} 输入下每个样本在 w₀ 处梯度步的方向（单位长度），以及 w* − w₀ 的方向',
  ],
  'demo.zigzag.readoutRow': ['{name} inputs, step {step}', '{name} 输入，第 {step} 步'],
  'demo.zigzag.readoutValue': ['({w1}, {w2}), loss {loss}', '({w1}, {w2})，损失 {loss}'],
  'chart.zeroCentered': [
    'Gradient-descent paths of the weights (w₁, w₂) from w₀ = {w0} toward w* = {wStar} over contour lines of the loss, for {names} inputs',
    '{names} 输入下权重 (w₁, w₂) 的梯度下降路径：从 w₀ = {w0} 出发，趋向 w* = {wStar}，背景为损失的等高线',
  ],
  'props.head': [
    "Function|Range of f|Range of f′|Zero-centred|Monotonic|Largest f′|Saturated|Kinks (PyTorch's f′)|calculate_gain",
    '函数|f 的值域|f′ 的值域|零中心|单调|f′ 的最大值|饱和区间|折点（PyTorch 的 f′）|calculate_gain',
  ],
  'props.jump': ['{at} (f jumps)', '{at}（f 跳变）'],
  'props.note': [
    "Computed from f and PyTorch's f′. Zero-centred: f(0) = 0, both signs. Saturated: |f′| < 10 % of its largest |f′|.",
    '由 f 与 PyTorch 的 f′ 算出。零中心：f(0) = 0 且有正有负。饱和：|f′| 小于其最大值的 10%。',
  ],
  'demo.view': ['view', '视图'],
  'demo.viewNorms': ['gradient norms', '梯度范数'],
  'demo.viewHistograms': ['histograms of z', 'z 的直方图'],
  'demo.gain': ['weight gain', '权重增益'],
  'demo.gainOf': ['{init} × gain {gain}', '{init} × 增益 {gain}'],
  'demo.preActivation': ['pre-activation z, {name}', '预激活值 z，{name}'],
  'demo.preActivationClipped': ['z, {name} (|z| > {r} in the end bins)', 'z，{name}（|z| > {r} 计入两端）'],
  'demo.histDescription': [
    'Histograms of the pre-activations of {name} at layers {layers}, the saturated zone shaded',
    '{name} 在第 {layers} 层的预激活值直方图，阴影为饱和区',
  ],
  'demo.saturatedAxis': ['% saturated (|f′| < 10 % of its max)', '饱和比例 %（|f′| 小于其最大值的 10%）'],
  'demo.histSummary': [
    'Each layer back, the gradient is multiplied by f′ and by the weights (weight gain: √fan_in × std of the weights): {items}.',
    '每往回经过一层，梯度都要乘以 f′ 和权重（权重增益：√fan_in × 权重的标准差）：{items}。',
  ],
  'demo.histItem': [
    '{name}: mean f′ {first} at layer 1, {last} at layer {depth}, weight gain {gain}',
    '{name} 的平均 f′ 在第 1 层为 {first}，在第 {depth} 层为 {last}，权重增益 {gain}',
  ],
  'nl.panel': ['{name}: accuracy {acc} %', '{name}：准确率 {acc}%'],
  'nl.panelDescription': [
    'Classes {name} predicts over the plane after training on the {data} points: accuracy {acc} %',
    '{name} 在 {data} 数据上训练后对平面各处预测的类别：准确率 {acc}%',
  ],
  'nl.step': ['training step', '训练步数'],
  'nl.stepN': ['step {step}', '第 {step} 步'],
  'nl.loss': ['loss (BCE)', '损失（BCE）'],
  'nl.shading1': ['shaded: predicted y = 1', '底色：预测 y = 1'],
  'nl.shading0': ['shaded: predicted y = 0', '底色：预测 y = 0'],
  'nl.data.xor': ['XOR', 'XOR'],
  'nl.data.circles': ['two-circles', '同心圆'],
  'nl.data.moons': ['two-moons', '双月'],
  'nl.data.spiral': ['spiral', '螺旋'],
  'nl.item': ['{name} {acc} %', '{name} {acc}%'],
  'nl.linear': [
    'Without an activation the network is one linear map, so its boundary is a straight line. ',
    '没有激活函数时，整个网络是一个线性映射，决策边界只能是一条直线。',
  ],
  'nl.flat': [
    'Without an activation the network is one linear map (here it predicts one class everywhere). ',
    '没有激活函数时，整个网络是一个线性映射（此处它在整个平面上预测同一类）。',
  ],
  'nl.summary': [
    'Accuracy after {step} steps on the {data} points: {items}.',
    '训练 {step} 步后在 {data} 数据上的准确率：{items}。',
  ],
  'nl.newData': ['new data', '换一组数据'],
  'nl.readout': ['loss {loss}, accuracy {acc} %', '损失 {loss}，准确率 {acc}%'],
  'command.checkFormulas': ['Check formulas in this note', '检查本笔记中的公式'],
  'formulas.title': ['Formulas in {note}, checked against PyTorch', '“{note}”中的公式与 PyTorch 的对照'],
  'formulas.none': ['No formula of a torch activation in this note.', '本笔记中没有定义 torch 激活函数的公式。'],
  'formulas.agrees': [
    "{notation} agrees with torch's {torch} on [{from}, {to}]",
    '{notation} 在 [{from}, {to}] 上与 torch 的 {torch} 一致',
  ],
  'formulas.differs': [
    "{notation} differs from torch's {torch} on {intervals}, by up to {diff}",
    '{notation} 在 {intervals} 上与 torch 的 {torch} 不同，最大相差 {diff}',
  ],
  'formulas.undefined': [
    '{notation} is undefined on {intervals}: no case applies there',
    '{notation} 在 {intervals} 上无定义：没有任何一段适用',
  ],
  'formulas.unparsed': ['{notation}: not understood: {token}', '{notation}：无法理解 {token}'],
  'formulas.convention': [
    'at x = {x}: the note gives {note}, torch {torch} (a convention)',
    '在 x = {x} 处：笔记取 {note}，torch 取 {torch}（约定）',
  ],
  'formulas.ownDiffers': [
    "differs from the derivative of the note's {f} on {intervals}",
    '与笔记中 {f} 的导数在 {intervals} 上不同',
  ],
  'formulas.ownAgrees': ["matches the derivative of the note's {f}", '与笔记中 {f} 的导数一致'],
  'formulas.ownAgreesWhereDefined': [
    "matches the derivative of the note's {f} wherever it is defined",
    '在有定义处与笔记中 {f} 的导数一致',
  ],
  'formulas.undefinedValue': ['undefined', '无定义'],
  'formulas.line': ['line {line}', '第 {line} 行'],
  'formulas.noSection': ['formulas: {what} was not found', 'formulas：找不到 {what}'],
  'formulas.band': [
    "shaded: where the note's formula differs from torch or is undefined",
    '阴影：笔记公式与 torch 不同或无定义的区间',
  ],
} satisfies Record<string, [en: string, zh: string]>;

/** Every message key. */
export type MessageKey = keyof typeof messages;
