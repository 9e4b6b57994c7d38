/**
 * Every sentence the answer planner writes itself, by name. Fields in {braces} are filled from the
 * question and from data/; figures never appear here. Intent files hold the rest of the wording.
 */
export const WORDING = {
  /** After 999, or on its own: a child missing ({guidance} is data/guidance.yaml's missing_child). */
  next_missing_child: '{guidance} ({by}) Missing People\'s SafeCall is free and confidential, for families and young people: {safecall}.',
  /** Someone thinking of confronting the people themselves. */
  next_confront: '{guidance} ({by}) Call {police}, or {emergency} if anyone is in danger now. To stay anonymous, call {crimestoppers.name} on {crimestoppers}: they never ask your name.',
  /** A place outside the region. */
  outside_region: 'Figures for {place} were not published: the week of action covered the Eastern Region ({region_counties}) only.',
  /** Towns asked about: figures are by county. */
  town_in_county: 'Figures were published by county, not by town. {towns} {is_are} in {county}.',
  /** A year asked about that holds the week. */
  year_holds_week: 'Figures for the whole of {year} were not published: the release covers the week of action ({dates}) only.',
  /** A time asked about that no week held matches. */
  other_time: "I only have the published results of {weeks}. I don't have figures for {said}.",
  other_time_future: "I only have the published results of {weeks}. No figures or dates were published for weeks of action to come.",
  other_time_present: "I only have the published results of {weeks}, not figures for now.",
  other_time_previous: "I only have the published results of {weeks}: I have no figures for an earlier week.",
  other_time_trend: "I only have the published results of {weeks}, not figures over time, so I can't say whether it is going up or down.",
  other_time_recurring: "I only have the published results of {weeks}, not yearly or monthly figures.",
  /** Several weeks held, one asked for. */
  week_asked: 'For the {operation}:',
  /** A sum of county figures. */
  sum: '{parts} make {total} {label} together during the week of action ({dates}). That is my own calculation from the published county figures, not a published total.',
  /** A share of the region's figure. */
  share: '{part_name} had {part} of the {whole} {label} across the region during the week of action ({dates}), about {percent}%. That is my own calculation from the published figures, not a published figure.',
  /** The gap between two counties' figures. */
  difference: '{a_name} had {a} {label} and {b_name} had {b}: {a_name} had {gap} {more_fewer} during the week of action ({dates}). That is my own calculation from the published figures.',
  /** The region's figure without one county. */
  except: 'The whole region had {whole} {label} during the week of action ({dates}) and {county} had {part}, so outside {county} there were {rest}. That is my own calculation from the published figures.',
  /** All the county figures added up, and how that sits with the region's total. */
  county_sum: 'Adding up the county figures that were published ({parts}) gives {total} {label} for the week of action ({dates}). That is my own calculation, not a published total.',
  county_sum_differs: 'It is not the same as the published region-wide total of {region}: not every county had its own figure published.',
  county_sum_matches: 'That matches the published region-wide total.',
  /** Two figures of one place added up. */
  metric_sum: 'Added up, {parts} {where} make {total} together during the week of action ({dates}). That is my own calculation from the published figures, not a published total.',
  /** One figure as a share of another. */
  metric_share: '{part} {part_label} out of {whole} {whole_label} {where} is about {percent}%, during the week of action ({dates}). That is my own calculation from the published figures.',
  share_half: 'That is {more_less} than half.',
  /** A figure per day. */
  per_day: '{whole} {label} over the {days} days of the week of action ({dates}) is about {rate} a day. That is my own calculation, not a published figure.',
  /** A figure needed for a calculation was not published. */
  cannot_calculate: "I can't work that out: {missing} {was_were} not published.",
  /** Confirming a number. */
  confirm_yes: 'Yes, {number} is right.',
  confirm_yes_qualified: 'Yes, that is the figure in the release.',
  confirm_no: 'No, not {number}.',
  confirm_other_place: '{number} was the {label} figure for {places}.',
  confirm_other_metric: '{number} matches the published figure for {other}, not {label}:',
  confirm_none: 'None of the figures published for {place} was {number}.',
  confirm_qualified: 'The release gives {figure}, not an exact number, so I can\'t confirm {number}.',
  /** Two weeks side by side. */
  weeks_versus: '{label}, by week of action:\n{lines}',
  week_line: '• {operation} ({dates}): {figure}',
  week_line_dates: '• {dates}: {figure}',
  /** Something else asked, naming a place or a figure of the week: what the bot can say about those instead. */
  specific_no_answer: 'Sorry, I can only help with the county-lines week of action ({dates}). For {understood}, I can tell you what was published: try "{example}"',
  facet_no_figure: '{says} I can tell you about arrests, weapons, deal lines and other results of the week of action ({dates}), by county.',
  facet_nearest: '{says} I can tell you about {label}:',
  /** A service the message names that the answer left out. */
  service_named: '{name}: {how}. It is {about}.',
  service_named_plain: '{name}: {how}.',
  /** Contact questions. */
  contact:
    "To contact {force}, call {police}, the police non-emergency number: it puts you through to your local force. If anyone is in danger right now, call {emergency}. To pass on information anonymously, call {crimestoppers.name} on {crimestoppers}. I can't take reports here.",
  contact_crimestoppers:
    "To reach {crimestoppers.name}, call {crimestoppers} (you don't have to give your name). For the police, call {police}; if anyone is in danger right now, call {emergency}. I can't take reports here.",
  not_published_figure: 'A figure for {label} {where} was not published.',
  /** Several figures or places asked at once: one line each, under this. */
  figures_intro: 'From the week of action ({dates}):',
  figures_row: '• {place}: {figures}',
  /** A figure asked that was not published, in a row of {@link figures_row}. */
  figure_not_published: '{label} not published',
  /** The region as a row of figures. */
  region_row: 'Whole region',
  /** Places taken from the last question. */
  from_last_question: '(That is for {places}, from your last question. Ask "in total" for the whole region.)',
} as const;

export type WordingKey = keyof typeof WORDING;
