// Northlight AV & Exhibits: a 15-person AV and exhibit production company. Written as its sheets
// looked on Monday 23 November 2026 (SAMPLE_MONDAY) and moved, whole weeks at a time, to the Monday
// that starts the week being planned (sampleWorkbook), so the preview and "Fill with the sample firm"
// always show a current firm: history behind it, the plan starting next Monday, proposals ahead.
// Dates are ISO strings; the sheet writer turns date columns into real dates.

import { addDays, addMonths, type Day, dayOf, dayParts, dayToIso, isoToDay, weekday } from '../src/model/dates';

export type SampleCell = string | number | boolean | null;

/** Where in-house work happens: Tasks > Location overrides the client site its project names. */
const SHOP = 'Northlight shop, 88 Foundry Road';

/** The Monday the rows below were written for: their Plan Start. */
export const SAMPLE_MONDAY: Day = /* @__PURE__ */ dayOf(2026, 11, 23);

/** The sample as of SAMPLE_MONDAY (the tests' fixed firm). */
export const SAMPLE_WORKBOOK: Record<string, SampleCell[][]> = {
  Clients: [
    ['Client', 'Account Manager', 'Contact Email', 'Status', 'Since', 'Notes'],
    ['Helios Energy', 'Rachel Kim', 'events@helios-energy.example, j.moreau@helios-energy.example', 'Active', '2023-03-01', 'Pays on 45 days; push for deposit'],
    ['Civic Arts Museum', 'Rachel Kim', 'exhibits@civicarts.example', 'Active', '2024-06-10', 'Board sensitive to overruns'],
    ['Marrow & Finch', 'Luis Romero', 'pr@marrowfinch.example', 'Active', '2025-02-17', ''],
    ['Bluewater Conference Center', 'Luis Romero', 'ops@bluewater-cc.example', 'Active', '2024-11-04', 'Venue partner: 10% referral'],
    ['Vantage Robotics', 'Luis Romero', 'marketing@vantage-robotics.example', 'Prospect', '', 'Met at a robotics trade show'],
    ['Kestrel Pharma', 'Rachel Kim', 'events@kestrel.example', 'Former', '2022-01-15', 'Moved events in-house'],
  ],
  Staff: [
    ['Name', 'Email', 'Role', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate', 'Bill Rate', 'Start Date', 'End Date', 'Notes'],
    ['Maya Okafor', 'maya@northlight.example', 'Producer', 'Production:5, Stage Management:4, Design:2', 40, 'Mon-Fri', 62, 140, '', '', 'Also project manager'],
    ['Dev Patel', 'dev@northlight.example', 'Lead AV Engineer', 'Audio:5, Video:4, LED:3, Networking:3', 40, 'Mon-Fri', 58, 135, '', '', ''],
    ['Lena Brooks', 'lena@northlight.example', 'LED Technician', 'LED:4, Video:3, Rigging:2', 40, 'Mon-Fri', 44, 105, '', '', ''],
    ['Carlos Mendes', 'carlos@northlight.example', 'Head Rigger', 'Rigging:5, Labor:3, Carpentry:2', 40, 'Mon-Fri', 46, 110, '', '', 'Certified rigger'],
    ['Sam Whitaker', 'sam@northlight.example', 'Rigger', 'Rigging:3, Labor:3, Driving:2', 40, 'Mon-Fri', 36, 90, '', '', ''],
    ['Priya Shah', 'priya@northlight.example', 'Lighting Designer', 'Lighting:5, Programming:4, Design:3', 32, 'Mon-Thu', 55, 130, '', '', 'Part-time'],
    ['Tom Gallagher', 'tom@northlight.example', 'Scenic Carpenter', 'Carpentry:5, Fabrication:3, Painting:3', 40, 'Mon-Fri', 42, 98, '', '', ''],
    ['Aiko Tanaka', 'aiko@northlight.example', 'Graphic Designer', 'Design:5, Print:3, Motion:3', 24, 'Mon, Wed, Fri', 48, 120, '', '', 'Part-time'],
    ['Rafael Ortiz', 'rafael@northlight.example', 'Audio Technician', 'Audio:4, Networking:2, Labor:2', 40, 'Mon-Fri', 40, 95, '', '', ''],
    ['Jess Nguyen', 'jess@northlight.example', 'Video Engineer', 'Video:5, Motion:4, Programming:3, LED:2', 40, 'Mon-Fri', 52, 125, '', '', ''],
    ['Omar Haddad', 'omar@northlight.example', 'Fabricator', 'Fabrication:5, Welding:4, Carpentry:3', 40, 'Mon-Fri', 45, 105, '', '', ''],
    ['Beth Larsen', 'beth@northlight.example', 'Crew Chief', 'Labor:4, Driving:4, Rigging:2, Stage Management:2', 40, 'Mon-Fri', 34, 85, '', '', 'CDL licence'],
    ['Kofi Mensah', 'kofi@northlight.example', 'Junior Technician', 'Labor:2, Audio:1, LED:1, Driving:2', 40, 'Mon-Fri', 24, 65, '2026-12-07', '', 'New hire'],
    ['Nina Petrova', 'nina@northlight.example', 'Show Control Engineer', 'Networking:5, Programming:4, Video:2', 20, 'Tue-Thu', 50, 120, '', '', 'Part-time'],
    ['Greg Holm', 'greg@northlight.example', 'Scenic Painter', 'Painting:5, Carpentry:2, Labor:2', 32, 'Mon-Thu', 38, 90, '', '2027-02-26', 'Retiring'],
  ],
  TimeOff: [
    ['Name', 'From', 'To', 'Hours/Day', 'Reason'],
    ['All', '2026-11-26', '2026-11-27', '', 'Thanksgiving'],
    ['All', '2026-12-24', '2026-12-25', '', 'Christmas'],
    ['All', '2027-01-01', '', '', "New Year's Day"],
    ['Lena Brooks', '2026-12-14', '2026-12-18', '', 'Vacation'],
    ['Carlos Mendes', '2026-12-28', '2026-12-31', '', 'Vacation'],
    ['Priya Shah', '2026-12-02', '', 4, 'Appointment'],
    ['Jess Nguyen', '2027-01-11', '2027-01-15', '', 'Vacation'],
    ['Tom Gallagher', '2026-12-21', '2026-12-23', '', 'Family'],
    ['Dev Patel', '2026-12-04', '', 4, 'Training'],
  ],
  Projects: [
    ['Project', 'Client', 'Type', 'Status', 'Priority', 'Start', 'Due', 'Value', 'Probability', 'Expected Close', 'Won On', 'Done On', 'Account Manager', 'Project Manager', 'Scope', 'Notes', 'Location'],
    ['Helios Summer Summit', 'Helios Energy', '', 'Done', 2, '2026-05-04', '2026-06-26', 88000, '', '', '2026-03-20', '2026-07-02', 'Rachel Kim', 'Maya Okafor', 1, 'Delivered late: venue changed', 'Helios Energy campus, Austin'],
    ['Civic Arts Donor Gala', 'Civic Arts Museum', '', 'Done', 3, '2026-09-01', '2026-10-10', 42000, '', '', '2026-07-14', '2026-10-08', 'Rachel Kim', 'Ben Ashford', 1, '', 'Civic Arts Museum, Great Hall'],
    ['Helios CES Booth', 'Helios Energy', 'Trade Show Booth', 'Active', 1, '2026-10-19', '2027-01-06', 185000, '', '', '2026-09-15', '', 'Rachel Kim', 'Maya Okafor', 1, 'Booth 40x60, Central Hall', 'Las Vegas Convention Center, Central Hall'],
    ['Civic Arts Immersive Gallery', 'Civic Arts Museum', '', 'Active', 2, '2026-11-09', '2027-02-26', 240000, '', '', '2026-08-20', '', 'Rachel Kim', 'Maya Okafor', 1, 'Phase 1 of 2', 'Civic Arts Museum, East Wing'],
    ['Marrow & Finch Book Launch', 'Marrow & Finch', '', 'Won', 3, '2026-11-30', '2026-12-17', 38000, '', '', '2026-10-28', '', 'Luis Romero', 'Ben Ashford', 1, '', 'The Reading Room, 14 Mercer Street'],
    ['Helios Investor Day', 'Helios Energy', '', 'Won', 2, '2027-01-11', '2027-02-12', 64000, '', '', '2026-11-02', '', 'Rachel Kim', 'Ben Ashford', 1, '', 'Helios Energy HQ, 400 Solar Way'],
    ['Bluewater AV Refresh', 'Bluewater Conference Center', 'AV Install', 'Won', 3, '2027-01-04', '2027-02-19', 92000, '', '', '2026-11-10', '', 'Luis Romero', 'Ben Ashford', 1.5, 'Ballrooms A and B', 'Bluewater Conference Center, Ballrooms A and B'],
    ['Vantage Launch Booth', 'Vantage Robotics', 'Trade Show Booth', 'Proposal', 3, '2027-01-18', '2027-03-19', 120000, '60%', '2026-12-15', '', '', 'Luis Romero', 'Maya Okafor', 0.8, 'Smaller booth than Helios'],
    ['Bluewater Spring Summit', 'Bluewater Conference Center', 'Conference Staging', 'Proposal', 4, '2027-03-29', '2027-04-16', 55000, '40%', '2027-01-20', '', '', 'Luis Romero', 'Ben Ashford', 1, '', 'Bluewater Conference Center'],
    ['Marrow & Finch Pop-up Store', 'Marrow & Finch', '', 'On Hold', 4, '2027-02-01', '2027-03-12', 45000, '', '', '2026-10-05', '', 'Luis Romero', 'Ben Ashford', 1, 'Client paused: lease not signed'],
    ['Kestrel Sales Meeting', 'Kestrel Pharma', 'Conference Staging', 'Lost', 3, '', '2026-11-12', 70000, '30%', '2026-09-30', '', '', 'Rachel Kim', '', 1, 'Lost on price'],
  ],
  Tasks: [
    ['Project', 'Task', 'Skills', 'Hours', 'Hours Low', 'Hours High', 'After', 'Assignee', 'Start', 'Due', 'Max Hours/Day', 'Status', '% Done', 'Actual Hours', 'Done On', 'Scales', 'Milestone', 'Notes', 'Checklist', 'Location'],
    // History: finished work calibrates estimates.
    ['Helios Summer Summit', 'Stage design', 'Design:3', 24, '', '', '', 'Aiko Tanaka', '', '', '', 'Done', '', 31, '2026-05-15', 'no', 'no', ''],
    ['Helios Summer Summit', 'Lighting plot', 'Lighting:4', 16, '', '', 'Stage design', 'Priya Shah', '', '', '', 'Done', '', 18, '2026-05-21', 'no', 'no', ''],
    ['Helios Summer Summit', 'Set build', 'Carpentry:3', 60, '', '', 'Stage design', 'Tom Gallagher', '', '', '', 'Done', '', 82, '2026-06-10', 'yes', 'no', 'Venue change: rebuilt side walls'],
    ['Helios Summer Summit', 'Audio plan', 'Audio:4', 8, '', '', '', 'Dev Patel', '', '', '', 'Done', '', 7, '2026-05-20', 'no', 'no', ''],
    ['Helios Summer Summit', 'Load-in', 'Rigging:3; Labor:2 x2', 12, '', '', 'Set build, Lighting plot', 'Carlos Mendes, Sam Whitaker, Beth Larsen', '', '', '', 'Done', '', 15, '2026-06-24', 'no', 'no', '', 'Rigging plan signed off; Venue load-in slot confirmed'],
    ['Helios Summer Summit', 'Show support', 'Audio:3; Video:3', 20, '', '', 'Load-in', 'Rafael Ortiz, Jess Nguyen', '', '', '', 'Done', '', 22, '2026-06-26', 'no', 'no', '', 'Show report sent to the client'],
    ['Helios Summer Summit', 'Screen content', 'Motion:3', 24, '', '', 'Stage design', 'Jess Nguyen', '', '', '', 'Done', '', 35, '2026-06-12', 'no', 'no', ''],
    ['Helios Summer Summit', 'Truck and freight', 'Driving:3', 8, '', '', 'Set build', 'Beth Larsen', '', '', '', 'Done', '', 8, '2026-06-22', 'no', 'no', ''],
    ['Helios Summer Summit', 'Strike', 'Labor:2 x3', 6, '', '', 'Show support', 'Sam Whitaker, Beth Larsen, Rafael Ortiz', '', '', '', 'Done', '', 9, '2026-06-29', 'no', 'no', '', 'Venue walk-through for damage; Rentals returned and checked in'],
    ['Civic Arts Donor Gala', 'Event design', 'Design:3', 16, '', '', '', 'Aiko Tanaka', '', '', '', 'Done', '', 17, '2026-09-11', 'no', 'no', ''],
    ['Civic Arts Donor Gala', 'Lighting design', 'Lighting:4', 12, '', '', 'Event design', 'Priya Shah', '', '', '', 'Done', '', 12, '2026-09-17', 'no', 'no', ''],
    ['Civic Arts Donor Gala', 'Stage and decor build', 'Carpentry:3', 32, '', '', 'Event design', 'Tom Gallagher', '', '', '', 'Done', '', 38, '2026-09-30', 'no', 'no', ''],
    ['Civic Arts Donor Gala', 'Projection content', 'Motion:3', 20, '', '', 'Event design', 'Jess Nguyen', '', '', '', 'Done', '', 27, '2026-09-29', 'no', 'no', ''],
    ['Civic Arts Donor Gala', 'Load-in and rig', 'Rigging:3; Labor:2', 10, '', '', 'Stage and decor build, Lighting design', 'Carlos Mendes, Beth Larsen', '', '', '', 'Done', '', 11, '2026-10-07', 'no', 'no', ''],
    ['Civic Arts Donor Gala', 'Gala night', 'Audio:3; Video:3; Lighting:3', 8, '', '', 'Load-in and rig, Projection content', 'Rafael Ortiz, Jess Nguyen, Priya Shah', '', '', '', 'Done', '', 9, '2026-10-08', 'no', 'no', '', 'Sponsor thank-you list sent'],
    ['Civic Arts Donor Gala', 'Sponsor signage', 'Print:2', 6, '', '', 'Event design', 'Aiko Tanaka', '', '', '', 'Done', '', 8, '2026-09-24', 'no', 'no', ''],
    ['Civic Arts Donor Gala', 'Strike', 'Labor:2 x2', 5, '', '', 'Gala night', 'Sam Whitaker, Beth Larsen', '', '', '', 'Done', '', 5, '2026-10-09', 'no', 'no', '', 'Rentals returned and checked in'],
    // Helios CES Booth: the firm's biggest show of the season.
    ['Helios CES Booth', 'Design concept', 'Design:4', 40, '', '', '', 'Aiko Tanaka', '', '', '', 'Done', '', 46, '2026-11-06', 'no', 'no', ''],
    ['Helios CES Booth', 'Structural drawings', 'Fabrication:4', 24, '', '', 'Design concept', 'Omar Haddad', '', '', '', 'Done', '', 22, '2026-11-13', 'no', 'no', ''],
    ['Helios CES Booth', 'Client design sign-off', '', 0, '', '', 'Structural drawings', '', '', '', '', 'Done', '', '', '2026-11-16', 'no', 'yes', 'Signed by J. Moreau'],
    ['Helios CES Booth', 'Fabricate booth frame', 'Fabrication:4; Carpentry:2', 80, 70, 110, 'Client design sign-off', 'Omar Haddad', '', '', '', 'In Progress', '25%', 20, '', 'yes', 'no', 'Omar leads; a carpenter helps', '', SHOP],
    ['Helios CES Booth', 'Build counters and cabinetry', 'Carpentry:4', 60, 50, 80, 'Client design sign-off', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Paint and finish', 'Painting:3', 40, 32, 56, 'Fabricate booth frame, Build counters and cabinetry', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Graphics print production', 'Design:3; Print:2', 24, '', '', 'Client design sign-off', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Helios CES Booth', 'LED wall content', 'Motion:3', 40, 32, 64, '', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Lighting plot and cues', 'Lighting:4', 24, '', '', 'Client design sign-off', 'Priya Shah', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Order booth furniture and power', 'Production:3', 4, '', '', 'Client design sign-off', '', '', '2026-12-04', '', 'Not Started', '', '', '', 'no', 'no', 'Show services deadline', '', SHOP],
    ['Helios CES Booth', 'Audio system prep', 'Audio:3', 12, '', '', '', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Show control network', 'Networking:3', 16, '', '', '', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'LED wall prep and test', 'LED:3 x2', 16, '', '', 'LED wall content', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Warehouse pre-build', 'Carpentry:3; Rigging:3; Labor:2 x2', 16, '', '', 'Paint and finish, Graphics print production', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', 'Full mock-up in the warehouse', '', SHOP],
    ['Helios CES Booth', 'Crew briefing and safety plan', 'Stage Management:2', 4, '', '', 'Graphics print production', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Client walkthrough', '', 0, '', '', 'Warehouse pre-build', '', '', '', '', 'Not Started', '', '', '', 'no', 'yes', '', '', SHOP],
    ['Helios CES Booth', 'Pack and load truck', 'Labor:2 x3', 8, '', '', 'Client walkthrough, LED wall prep and test, Audio system prep, Show control network', '', '2026-12-17', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios CES Booth', 'Freight to Las Vegas', 'Driving:4', 20, '', '', 'Pack and load truck', 'Beth Larsen', '', '', 10, 'Not Started', '', '', '', 'no', 'no', 'Two days on the road', '', 'On the road: shop to Las Vegas'],
    ['Helios CES Booth', 'Install booth', 'Rigging:3 x2; Labor:2 x2', 20, 16, 28, 'Freight to Las Vegas', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', ''],
    ['Helios CES Booth', 'Install LED wall', 'LED:3 x2; Rigging:3', 10, '', '', 'Install booth', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Helios CES Booth', 'Booth ready', '', 0, '', '', 'Install LED wall, Lighting plot and cues', '', '', '2027-01-05', '', 'Not Started', '', '', '', 'no', 'yes', 'Show opens the next day'],
    // Civic Arts Immersive Gallery: a long exhibit build with projection mapping.
    ['Civic Arts Immersive Gallery', 'Content storyboards', 'Design:4', 32, 24, 48, '', 'Aiko Tanaka', '', '', '', 'In Progress', '50%', 18, '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Curator review', '', 0, '', '', 'Content storyboards', '', '', '', '', 'Not Started', '', '', '', 'no', 'yes', ''],
    ['Civic Arts Immersive Gallery', 'Projection mapping design', 'Video:4', 40, 32, 60, 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Motion content for room 1', 'Motion:3', 60, 48, 90, 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Motion content for room 2', 'Motion:3', 60, 48, 90, 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Show control programming', 'Programming:4; Networking:3', 40, 32, 56, 'Projection mapping design', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Scenic walls and plinths', 'Carpentry:4; Fabrication:3', 56, 48, 72, 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Scenic painting', 'Painting:4', 32, 24, 40, 'Scenic walls and plinths', 'Greg Holm', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Gallery lighting design', 'Lighting:4', 24, '', '', 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Spatial audio design', 'Audio:4', 24, 16, 32, 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Projector and speaker rigging', 'Rigging:4; Rigging:2; Labor:2', 24, '', '', 'Scenic painting, Projection mapping design', '', '2027-01-18', '', '', 'Not Started', '', '', '', 'yes', 'no', 'Museum open: work after 6pm'],
    ['Civic Arts Immersive Gallery', 'Install and align projectors', 'Video:4; LED:2', 32, 24, 48, 'Projector and speaker rigging', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Civic Arts Immersive Gallery', 'Audio install and tuning', 'Audio:4; Audio:2', 24, '', '', 'Projector and speaker rigging, Spatial audio design', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Civic Arts Immersive Gallery', 'Lighting focus', 'Lighting:4; Labor:2', 12, '', '', 'Projector and speaker rigging, Gallery lighting design', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Civic Arts Immersive Gallery', 'Content integration', 'Video:3; Programming:3', 32, '', '', 'Install and align projectors, Show control programming, Motion content for room 1, Motion content for room 2', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Civic Arts Immersive Gallery', 'Wayfinding and label graphics', 'Design:3; Print:2', 20, 16, 28, 'Curator review', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Civic Arts Immersive Gallery', 'Accessibility review', 'Production:3', 6, '', '', 'Scenic walls and plinths', 'Maya Okafor', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Civic Arts Immersive Gallery', 'Curator preview', '', 0, '', '', 'Content integration, Audio install and tuning, Lighting focus', '', '', '2027-02-19', '', 'Not Started', '', '', '', 'no', 'yes', ''],
    ['Civic Arts Immersive Gallery', 'Snag list and handover', 'Video:3; Audio:3', 16, '', '', 'Curator preview', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    // Marrow & Finch Book Launch: small, fast, mid-December.
    ['Marrow & Finch Book Launch', 'Event look and graphics', 'Design:3', 16, 12, 24, '', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Marrow & Finch Book Launch', 'Reading stage build', 'Carpentry:3', 16, '', '', 'Event look and graphics', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Marrow & Finch Book Launch', 'Print signage', 'Print:2', 8, '', '', 'Event look and graphics', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Marrow & Finch Book Launch', 'Audio and mics', 'Audio:3', 8, '', '', '', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Marrow & Finch Book Launch', 'Author green room dressing', 'Carpentry:2; Labor:2', 6, '', '', 'Event look and graphics', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Marrow & Finch Book Launch', 'Load-in', 'Labor:2 x2; Rigging:2', 6, '', '', 'Reading stage build, Print signage', '', '2026-12-14', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Marrow & Finch Book Launch', 'Launch night', 'Audio:3; Stage Management:2', 6, '', '', 'Load-in, Audio and mics', '', '', '2026-12-16', '', 'Not Started', '', '', '', 'no', 'no', '', 'Photos sent to the client'],
    ['Marrow & Finch Book Launch', 'Strike', 'Labor:2 x2', 4, '', '', 'Launch night', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', 'Venue walk-through for damage'],
    // Helios Investor Day: depends on the booth crew coming back from CES.
    ['Helios Investor Day', 'Run of show', 'Production:4', 16, '', '', '', 'Maya Okafor', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios Investor Day', 'Stage and screen design', 'Design:3; Video:3', 24, '', '', 'Run of show', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios Investor Day', 'Reuse CES LED wall', 'LED:3', 8, '', '', 'Helios CES Booth/Install LED wall', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', 'Panels come back from Las Vegas', '', SHOP],
    ['Helios Investor Day', 'Presentation graphics', 'Design:3; Motion:2', 32, 24, 48, 'Stage and screen design', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Helios Investor Day', 'Camera and streaming plan', 'Video:4; Networking:3', 10, '', '', 'Run of show', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios Investor Day', 'Stage build', 'Carpentry:3', 24, '', '', 'Stage and screen design', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', '', '', SHOP],
    ['Helios Investor Day', 'Lighting design', 'Lighting:3', 12, '', '', 'Stage and screen design', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', '', '', SHOP],
    ['Helios Investor Day', 'Load-in and rig', 'Rigging:3; Labor:2 x2', 12, '', '', 'Stage build, Lighting design, Reuse CES LED wall', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Helios Investor Day', 'Technical rehearsal', 'Audio:3; Video:3; Lighting:3; Production:3', 8, '', '', 'Load-in and rig, Presentation graphics', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Helios Investor Day', 'Investor Day live', 'Audio:3; Video:3; Lighting:3; Production:3', 10, '', '', 'Technical rehearsal', '', '', '2027-02-11', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Helios Investor Day', 'Strike', 'Labor:2 x3', 6, '', '', 'Investor Day live', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    // Marrow & Finch Pop-up Store: on hold, not planned until the lease is signed.
    ['Marrow & Finch Pop-up Store', 'Store concept', 'Design:4', 24, '', '', '', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
    ['Marrow & Finch Pop-up Store', 'Shelving and counters', 'Carpentry:4', 48, '', '', 'Store concept', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', ''],
    ['Marrow & Finch Pop-up Store', 'Window display', 'Fabrication:3; Painting:3', 24, '', '', 'Store concept', '', '', '', '', 'Not Started', '', '', '', 'yes', 'no', ''],
    ['Marrow & Finch Pop-up Store', 'Opening weekend', 'Audio:2; Labor:2', 12, '', '', 'Shelving and counters, Window display', '', '', '', '', 'Not Started', '', '', '', 'no', 'no', ''],
  ],
  Templates: [
    ['Type', 'Task', 'Skills', 'Hours', 'Hours Low', 'Hours High', 'After', 'Scales', 'Checklist'],
    ['Trade Show Booth', 'Design concept', 'Design:4', 32, 24, 48, '', 'yes', 'Brand guidelines; floor plan; rigging points'],
    ['Trade Show Booth', 'Client sign-off', '', 0, '', '', 'Design concept', 'no', 'Signed drawings'],
    ['Trade Show Booth', 'Fabrication', 'Fabrication:4', 60, 48, 90, 'Client sign-off', 'yes', 'Cut list; welds inspected'],
    ['Trade Show Booth', 'Carpentry', 'Carpentry:3', 40, 32, 56, 'Client sign-off', 'yes', ''],
    ['Trade Show Booth', 'Paint and finish', 'Painting:3', 24, 16, 36, 'Fabrication, Carpentry', 'yes', ''],
    ['Trade Show Booth', 'Graphics', 'Design:3; Print:2', 16, 12, 24, 'Client sign-off', 'yes', 'Proofs approved'],
    ['Trade Show Booth', 'Screen content', 'Motion:3', 24, 16, 40, 'Client sign-off', 'no', ''],
    ['Trade Show Booth', 'Prep and test', 'LED:3; Video:3', 12, '', '', 'Screen content', 'no', 'Burn-in 24h'],
    ['Trade Show Booth', 'Load and ship', 'Labor:2 x2; Driving:3', 12, '', '', 'Paint and finish, Graphics, Prep and test', 'no', 'Crate labels; bill of lading'],
    ['Trade Show Booth', 'Install', 'Rigging:3; Labor:2 x2', 16, 12, 24, 'Load and ship', 'yes', ''],
    ['Trade Show Booth', 'Show support', 'Audio:3; Video:3', 24, '', '', 'Install', 'no', ''],
    ['Trade Show Booth', 'Strike', 'Labor:2 x2', 8, 6, 12, 'Show support', 'yes', ''],
    ['AV Install', 'Site survey', 'Audio:3; Networking:2', 8, '', '', '', 'no', 'Photos; power; cable paths'],
    ['AV Install', 'System design', 'Audio:4', 24, 16, 36, 'Site survey', 'yes', 'Line drawings; equipment list'],
    ['AV Install', 'Pre-wire', 'Networking:3; Labor:2', 32, 24, 48, 'System design', 'yes', ''],
    ['AV Install', 'Rack build', 'Audio:3', 24, 16, 32, 'System design', 'yes', ''],
    ['AV Install', 'Install speakers and displays', 'Audio:3; Video:3; Labor:2', 40, 32, 56, 'Pre-wire, Rack build', 'yes', ''],
    ['AV Install', 'Control programming', 'Programming:3', 24, 16, 40, 'System design', 'yes', ''],
    ['AV Install', 'Commissioning', 'Audio:4; Video:3', 16, 12, 24, 'Install speakers and displays, Control programming', 'yes', 'Tuning report'],
    ['AV Install', 'Training and handover', 'Audio:3', 4, '', '', 'Commissioning', 'no', 'User guide; as-built drawings'],
    ['Conference Staging', 'Stage design', 'Design:3', 16, 12, 24, '', 'no', ''],
    ['Conference Staging', 'Lighting plot', 'Lighting:4', 12, '', '', 'Stage design', 'no', ''],
    ['Conference Staging', 'Audio plan', 'Audio:4', 8, '', '', '', 'no', ''],
    ['Conference Staging', 'Load-in', 'Rigging:3; Labor:2 x3', 10, 8, 14, 'Stage design, Lighting plot, Audio plan', 'yes', ''],
    ['Conference Staging', 'Show', 'Audio:3; Video:3; Lighting:3', 20, '', '', 'Load-in', 'yes', ''],
    ['Conference Staging', 'Strike', 'Labor:2 x3', 6, '', '', 'Show', 'yes', ''],
  ],
  Costs: [
    ['Project', 'Item', 'Cost', 'Cost Low', 'Cost High', 'Scales', 'Markup %'],
    ['Helios CES Booth', 'Booth materials and hardware', 21000, 18000, 27000, 'yes', '15%'],
    ['Helios CES Booth', 'LED panel rental', 14000, 14000, 15500, 'no', '10%'],
    ['Helios CES Booth', 'Freight and drayage', 9500, 8000, 13000, 'yes', '10%'],
    ['Helios CES Booth', 'Crew travel and hotel', 7800, 6500, 9500, 'no', '0%'],
    ['Civic Arts Immersive Gallery', 'Projectors (purchase)', 38000, 36000, 40000, 'no', '12%'],
    ['Civic Arts Immersive Gallery', 'Speakers and amplifiers', 16000, 15000, 17500, 'no', '12%'],
    ['Civic Arts Immersive Gallery', 'Scenic materials', 9000, 7500, 12000, 'yes', '15%'],
    ['Marrow & Finch Book Launch', 'Venue AV rental', 2400, 2200, 3000, 'no', '10%'],
    ['Marrow & Finch Book Launch', 'Printing', 1100, 900, 1500, 'yes', '20%'],
    ['Helios Investor Day', 'Camera package rental', 3800, 3500, 4500, 'no', '10%'],
    ['Helios Investor Day', 'Stage materials', 2600, 2200, 3400, 'yes', '15%'],
    ['Bluewater AV Refresh', 'Equipment (speakers, DSP, displays)', 41000, 39000, 45000, 'yes', '12%'],
    ['Bluewater AV Refresh', 'Cable and connectors', 3200, 2500, 4500, 'yes', '20%'],
    ['Vantage Launch Booth', 'Booth materials and hardware', 15000, 12000, 20000, 'yes', '15%'],
    ['Vantage Launch Booth', 'Freight', 6000, 5000, 8500, 'yes', '10%'],
    ['Bluewater Spring Summit', 'Lighting rental', 4500, 4000, 5200, 'no', '10%'],
  ],
  Quotas: [
    ['Owner', 'Metric', 'Period', 'Target'],
    ['Rachel Kim', 'Revenue', '2026', 650000],
    ['Rachel Kim', 'Expansion Revenue', '2026-Q4', 150000],
    ['Luis Romero', 'Revenue', '2026-Q4', 250000],
    ['Luis Romero', 'New Clients', '2026', 2],
    ['Maya Okafor', 'On-Time Rate', '2026', '90%'],
    ['Maya Okafor', 'Delivered Value', '2026-10-01..2027-03-31', 400000],
    ['Ben Ashford', 'On-Time Projects', '2026-Q4', 2],
    ['Dev Patel', 'Billable Hours', '2026-11', 120],
    ['Jess Nguyen', 'Billable Hours', '2026-Q4', 380],
  ],
  Settings: [
    ['Key', 'Value'],
    ['Plan Start', '2026-11-23'],
    ['Currency', 'USD'],
    ['Target Margin %', '35%'],
    ['Coverage', 0.8],
    ['Client View Names', 'Names'],
    ['Iterations', 1000],
    ['Plan Proposals', 'yes'],
    ['Show Prices to Clients', 'no'],
  ],
};

/** The Monday a sample opened on `today` plans from: today if it is a Monday, else the next one. */
export function planningMonday(today: Day): Day {
  return addDays(today, (8 - weekday(today)) % 7);
}

const nthWeekday = (year: number, month: number, isoWeekday: number, n: number): Day => {
  const first = dayOf(year, month, 1);
  return addDays(first, ((isoWeekday - weekday(first) + 7) % 7) + 7 * (n - 1));
};

/** The firm's company holidays of one year, as TimeOff rows for `All`. */
function holidaysOf(year: number): { from: Day; to: Day; reason: string }[] {
  const lastMonday = (month: number) => {
    const last = addDays(dayOf(year, month + 1, 1), -1);
    return addDays(last, -((weekday(last) + 6) % 7));
  };
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  return [
    { from: dayOf(year, 1, 1), to: dayOf(year, 1, 1), reason: "New Year's Day" },
    { from: lastMonday(5), to: lastMonday(5), reason: 'Memorial Day' },
    { from: dayOf(year, 7, 4), to: dayOf(year, 7, 4), reason: 'Independence Day' },
    { from: nthWeekday(year, 9, 1, 1), to: nthWeekday(year, 9, 1, 1), reason: 'Labor Day' },
    { from: thanksgiving, to: addDays(thanksgiving, 1), reason: 'Thanksgiving' },
    { from: dayOf(year, 12, 24), to: dayOf(year, 12, 25), reason: 'Christmas' },
  ];
}

/** Company holidays from two weeks before `monday` to half a year after it, as TimeOff rows. */
export function sampleHolidays(monday: Day): SampleCell[][] {
  const { year } = dayParts(monday);
  const from = addDays(monday, -14);
  const to = addDays(monday, 26 * 7);
  return [year - 1, year, year + 1]
    .flatMap(holidaysOf)
    .filter((h) => h.to >= from && h.from <= to)
    .map((h) => ['All', dayToIso(h.from), h.to === h.from ? '' : dayToIso(h.to), '', h.reason]);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Months since year 0: periods move by whole months, quarters and years. */
const monthIndex = (day: Day) => dayParts(day).year * 12 + dayParts(day).month - 1;

/** A Quotas period moved with the firm: the year, quarter or month holding SAMPLE_MONDAY becomes the
 *  one holding `monday`, and the others keep their place around it. */
function shiftPeriod(period: string, monday: Day): string {
  const months = monthIndex(monday) - monthIndex(SAMPLE_MONDAY);
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (range) {
    const [from, to] = [isoToDay(range[1]) as Day, isoToDay(range[2]) as Day];
    // Whole months stay whole months; other ranges move by the days the firm moved.
    const whole = dayParts(from).date === 1 && dayParts(to + 1).date === 1;
    const moved = whole ? [addMonths(from, months), addMonths(to + 1, months) - 1] : [from, to].map((d) => d + monday - SAMPLE_MONDAY);
    return moved.map(dayToIso).join('..');
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const quarters = Math.floor(monthIndex(monday) / 3) - Math.floor(monthIndex(SAMPLE_MONDAY) / 3);
    const q = Number(quarter[1]) * 4 + Number(quarter[2]) - 1 + quarters;
    return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const moved = dayParts(addMonths(dayOf(Number(month[1]), Number(month[2]), 1), months));
    return `${moved.year}-${String(moved.month).padStart(2, '0')}`;
  }
  return String(Number(period) + dayParts(monday).year - dayParts(SAMPLE_MONDAY).year);
}

/** The sample firm as it looks when opened on `today`: every date moved by whole weeks (weekdays kept). */
export function sampleWorkbook(today: Day): Record<string, SampleCell[][]> {
  const monday = planningMonday(today);
  const days = monday - SAMPLE_MONDAY;
  const shift = (cell: SampleCell): SampleCell =>
    typeof cell === 'string' && ISO_DAY.test(cell) ? dayToIso(addDays(isoToDay(cell) as Day, days)) : cell;
  const moved = Object.fromEntries(
    Object.entries(SAMPLE_WORKBOOK).map(([sheet, [header, ...rows]]) => [sheet, [header, ...rows.map((row) => row.map(shift))]]),
  );
  const [timeOffHeader, ...timeOff] = moved.TimeOff;
  moved.TimeOff = [timeOffHeader, ...sampleHolidays(monday), ...timeOff.filter((row) => row[0] !== 'All')];
  const [quotaHeader, ...quotas] = SAMPLE_WORKBOOK.Quotas;
  moved.Quotas = [quotaHeader, ...quotas.map(([owner, metric, period, target]) => [owner, metric, shiftPeriod(String(period), monday), target])];
  return moved;
}
