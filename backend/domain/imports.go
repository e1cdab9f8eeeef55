package domain

// ImportEmployee is one valid spreadsheet row, ready to be written. Unit and
// position are given by name; the store resolves them (creating unknown ones).
type ImportEmployee struct {
	Row          int      `json:"row"` // spreadsheet row number, header = 1
	Employee     Employee `json:"employee"`
	UnitName     string   `json:"unitName"`
	PositionName string   `json:"positionName"`
}

// ImportResult says what an import wrote.
type ImportResult struct {
	Created          int      `json:"created"`
	Updated          int      `json:"updated"`
	Unchanged        int      `json:"unchanged"`
	UnitsCreated     []string `json:"unitsCreated"`
	PositionsCreated []string `json:"positionsCreated"`
}

// ImportPosition is one valid row of a positions spreadsheet.
type ImportPosition struct {
	Row      int      `json:"row"`
	Position Position `json:"position"` // Standards filled; UnitID empty
	UnitName string   `json:"unitName"`
}

// ImportCompetency is one valid row of a technical competencies spreadsheet.
type ImportCompetency struct {
	Row        int        `json:"row"`
	Competency Competency `json:"competency"`
}

// Progress is called during long operations with how much is done.
type Progress func(done, total int)
